-- CreateEnum
CREATE TYPE "OrderActionKind" AS ENUM ('REFUND', 'CANCEL', 'RESEND_TRACKING');

-- CreateEnum
CREATE TYPE "OrderActionStatus" AS ENUM ('PENDING_APPROVAL', 'RUNNING', 'SUCCEEDED', 'FAILED', 'REJECTED');

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "bigcommerceAccountUuid" TEXT,
ADD COLUMN     "purgeOnUninstall" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "refundApprovalThreshold" DECIMAL(12,4) DEFAULT 100,
ADD COLUMN     "webhookRegistrationError" TEXT,
ADD COLUMN     "webhooksRegisteredAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "OrderAction" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "bigcommerceOrderId" INTEGER NOT NULL,
    "kind" "OrderActionKind" NOT NULL,
    "status" "OrderActionStatus" NOT NULL,
    "amount" DECIMAL(12,4),
    "items" JSONB,
    "reason" TEXT,
    "requestedById" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "result" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrderAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderAction_storeId_ticketId_createdAt_idx" ON "OrderAction"("storeId", "ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderAction_storeId_bigcommerceOrderId_kind_status_idx" ON "OrderAction"("storeId", "bigcommerceOrderId", "kind", "status");

-- CreateIndex
CREATE INDEX "OrderAction_storeId_status_idx" ON "OrderAction"("storeId", "status");

-- AddForeignKey
ALTER TABLE "OrderAction" ADD CONSTRAINT "OrderAction_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderAction" ADD CONSTRAINT "OrderAction_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderAction" ADD CONSTRAINT "OrderAction_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderAction" ADD CONSTRAINT "OrderAction_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
