-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "role" "Role";

-- Tokens made before carried their user's role: they keep it.
UPDATE "ApiToken" AS t SET "role" = u."role" FROM "User" AS u WHERE u."id" = t."userId";

-- Their maker is in the audit log.
UPDATE "ApiToken" AS t SET "createdById" = a."actorId"
FROM "AuditLog" AS a
WHERE a."action" = 'api_token.created' AND a."targetType" = 'ApiToken' AND a."targetId" = t."id"::text AND a."storeId" = t."storeId";

ALTER TABLE "ApiToken" ALTER COLUMN "role" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
