-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN     "manualTicketId" UUID;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "deliveredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "OrderSnapshot" ADD COLUMN     "dateModified" TIMESTAMPTZ(3),
ADD COLUMN     "notedStatusId" INTEGER,
ADD COLUMN     "notifiedTracking" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "seenRefundIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "seenReturnKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "lastReconciledAt" TIMESTAMPTZ(3),
ADD COLUMN     "webhookLastRejectedAt" TIMESTAMPTZ(3),
ADD COLUMN     "webhookRejectedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "telegramTopicId" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "telegramUserId" BIGINT;

-- CreateTable
CREATE TABLE "TelegramDelivery" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" UUID,
    "part" INTEGER NOT NULL DEFAULT 0,
    "partCount" INTEGER NOT NULL DEFAULT 1,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMPTZ(3),
    "lockedBy" TEXT,
    "error" TEXT,
    "telegramMessageId" INTEGER,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelegramDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CsatResponse" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "agentId" UUID,
    "respondedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CsatResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TelegramDelivery_status_nextAttemptAt_idx" ON "TelegramDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "TelegramDelivery_storeId_chatId_status_idx" ON "TelegramDelivery"("storeId", "chatId", "status");

-- CreateIndex
CREATE INDEX "TelegramDelivery_storeId_chatId_sentAt_idx" ON "TelegramDelivery"("storeId", "chatId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "TelegramDelivery_messageId_part_key" ON "TelegramDelivery"("messageId", "part");

-- CreateIndex
CREATE UNIQUE INDEX "CsatResponse_ticketId_key" ON "CsatResponse"("ticketId");

-- CreateIndex
CREATE INDEX "CsatResponse_storeId_respondedAt_idx" ON "CsatResponse"("storeId", "respondedAt");

-- CreateIndex
CREATE INDEX "InboundEvent_storeId_status_idx" ON "InboundEvent"("storeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_storeId_telegramTopicId_key" ON "Ticket"("storeId", "telegramTopicId");

-- CreateIndex
CREATE UNIQUE INDEX "User_storeId_telegramUserId_key" ON "User"("storeId", "telegramUserId");

-- AddForeignKey
ALTER TABLE "TelegramDelivery" ADD CONSTRAINT "TelegramDelivery_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelegramDelivery" ADD CONSTRAINT "TelegramDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsatResponse" ADD CONSTRAINT "CsatResponse_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsatResponse" ADD CONSTRAINT "CsatResponse_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsatResponse" ADD CONSTRAINT "CsatResponse_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
