-- CreateEnum
CREATE TYPE "CustomerImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "bigcommerceDeletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "bigcommerceSyncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "customFields" JSONB,
ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "customersReconciledAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CustomerSyncSettings" (
    "storeId" UUID NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CustomerSyncSettings_pkey" PRIMARY KEY ("storeId")
);

-- CreateTable
CREATE TABLE "CustomerImport" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "status" "CustomerImportStatus" NOT NULL DEFAULT 'QUEUED',
    "nextPage" INTEGER NOT NULL DEFAULT 1,
    "totalPages" INTEGER,
    "total" INTEGER,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "apiCalls" INTEGER NOT NULL DEFAULT 0,
    "rateLimited" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedById" UUID,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "lockedBy" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CustomerImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerImportSkip" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "bigcommerceCustomerId" INTEGER,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerImportSkip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerImport_storeId_createdAt_idx" ON "CustomerImport"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerImport_status_leaseUntil_idx" ON "CustomerImport"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "CustomerImportSkip_importId_id_idx" ON "CustomerImportSkip"("importId", "id");

-- AddForeignKey
ALTER TABLE "CustomerSyncSettings" ADD CONSTRAINT "CustomerSyncSettings_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerImport" ADD CONSTRAINT "CustomerImport_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerImportSkip" ADD CONSTRAINT "CustomerImportSkip_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CustomerImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
