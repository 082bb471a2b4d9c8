-- CreateEnum
CREATE TYPE "KbOfferOutcome" AS ENUM ('ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "selfServiceResolvedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "KbOffer" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "articleId" UUID,
    "articleTitle" TEXT NOT NULL,
    "chatIdentityId" UUID NOT NULL,
    "offeredAt" TIMESTAMPTZ(3) NOT NULL,
    "heldUntil" TIMESTAMPTZ(3),
    "outcome" "KbOfferOutcome",
    "answeredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KbOffer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KbOffer_ticketId_key" ON "KbOffer"("ticketId");

-- CreateIndex
CREATE INDEX "KbOffer_heldUntil_idx" ON "KbOffer"("heldUntil");

-- CreateIndex
CREATE INDEX "KbOffer_storeId_idx" ON "KbOffer"("storeId");

-- CreateIndex
CREATE INDEX "Ticket_storeId_selfServiceResolvedAt_idx" ON "Ticket"("storeId", "selfServiceResolvedAt");

-- AddForeignKey
ALTER TABLE "KbOffer" ADD CONSTRAINT "KbOffer_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KbOffer" ADD CONSTRAINT "KbOffer_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KbOffer" ADD CONSTRAINT "KbOffer_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "KbArticle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KbOffer" ADD CONSTRAINT "KbOffer_chatIdentityId_fkey" FOREIGN KEY ("chatIdentityId") REFERENCES "ChannelIdentity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
