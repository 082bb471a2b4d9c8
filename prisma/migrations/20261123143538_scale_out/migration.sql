-- DropIndex
DROP INDEX "InboundEvent_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN     "processedBy" TEXT;

-- CreateTable
CREATE TABLE "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" BYTEA NOT NULL,

    CONSTRAINT "socket_io_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundEvent_source_status_nextAttemptAt_idx" ON "InboundEvent"("source", "status", "nextAttemptAt");
