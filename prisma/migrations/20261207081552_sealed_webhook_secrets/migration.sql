-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "telegramWebhookSecretHash" TEXT,
ADD COLUMN     "telegramWebhookSecretSealed" TEXT,
ADD COLUMN     "webhookSecretSealed" TEXT,
ALTER COLUMN "webhookSecret" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Store_telegramWebhookSecretHash_key" ON "Store"("telegramWebhookSecretHash");
