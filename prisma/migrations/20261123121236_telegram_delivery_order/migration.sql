-- AlterTable
ALTER TABLE "TelegramDelivery" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "Message_deliveryStatus_channel_idx" ON "Message"("deliveryStatus", "channel");

-- CreateIndex
CREATE INDEX "TelegramDelivery_storeId_sentAt_idx" ON "TelegramDelivery"("storeId", "sentAt");
