-- AlterTable
ALTER TABLE "AssignmentRule" ADD COLUMN     "makesWork" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RoutingSettings" ADD COLUMN     "watchOrderTickets" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "workOrderStatusIds" INTEGER[] DEFAULT ARRAY[4, 6, 12, 13, 14]::INTEGER[];

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "workSince" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;

-- Every ticket before this version was routed and timed as work from its creation.
UPDATE "Ticket" SET "workSince" = "createdAt";
