-- CreateEnum
CREATE TYPE "SlaClockKind" AS ENUM ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION');

-- CreateEnum
CREATE TYPE "SlaEventType" AS ENUM ('WARNING', 'BREACH', 'MET', 'ESCALATED');

-- AlterTable (written by hand: SLA targets move from minutes to seconds, keeping existing policies)
ALTER TABLE "SlaPolicy" RENAME COLUMN "firstResponseMinutes" TO "firstResponseSeconds";
ALTER TABLE "SlaPolicy" RENAME COLUMN "nextResponseMinutes" TO "nextResponseSeconds";
ALTER TABLE "SlaPolicy" RENAME COLUMN "resolutionMinutes" TO "resolutionSeconds";
UPDATE "SlaPolicy" SET
  "firstResponseSeconds" = "firstResponseSeconds" * 60,
  "nextResponseSeconds" = "nextResponseSeconds" * 60,
  "resolutionSeconds" = "resolutionSeconds" * 60;

-- CreateTable
CREATE TABLE "SlaEvent" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "kind" "SlaClockKind" NOT NULL,
    "type" "SlaEventType" NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "assigneeId" UUID,
    "teamId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaHoliday" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingSettings" (
    "storeId" UUID NOT NULL,
    "autoAssign" BOOLEAN NOT NULL DEFAULT true,
    "assignmentTimeoutSeconds" INTEGER,
    "requeueOnUnavailable" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RoutingSettings_pkey" PRIMARY KEY ("storeId")
);

-- CreateIndex
CREATE INDEX "SlaEvent_storeId_at_idx" ON "SlaEvent"("storeId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SlaEvent_ticketId_kind_type_dueAt_key" ON "SlaEvent"("ticketId", "kind", "type", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaHoliday_storeId_date_key" ON "SlaHoliday"("storeId", "date");

-- CreateIndex
CREATE INDEX "Ticket_storeId_firstResponseAt_idx" ON "Ticket"("storeId", "firstResponseAt");

-- CreateIndex
CREATE INDEX "Ticket_storeId_resolvedAt_idx" ON "Ticket"("storeId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "SlaEvent" ADD CONSTRAINT "SlaEvent_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaEvent" ADD CONSTRAINT "SlaEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaHoliday" ADD CONSTRAINT "SlaHoliday_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingSettings" ADD CONSTRAINT "RoutingSettings_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
