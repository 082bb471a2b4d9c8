-- CreateEnum
CREATE TYPE "IdentityProof" AS ENUM ('SIGNED_LINK', 'ORDER_AND_EMAIL', 'ORDER_AND_POSTCODE', 'AGENT');

-- AlterTable
ALTER TABLE "ChannelIdentity" ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedBy" "IdentityProof";

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "telegramBotUsername" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "channelIdentityId" UUID;

-- CreateIndex
CREATE INDEX "Ticket_channelIdentityId_idx" ON "Ticket"("channelIdentityId");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_channelIdentityId_fkey" FOREIGN KEY ("channelIdentityId") REFERENCES "ChannelIdentity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each Telegram conversation keeps its own chat: the one chat its customer messages came from. A
-- ticket that several chats wrote in (possible under the old linking) gets none: which of them is
-- the customer's cannot be told, and none gets its replies until a chat proves it.
UPDATE "Ticket" t SET "channelIdentityId" = only_chat.identity_id
FROM (
  SELECT m."ticketId", min(ci.id::text)::uuid AS identity_id
  FROM "Message" m
  JOIN "ChannelIdentity" ci
    ON ci."storeId" = m."storeId" AND ci.channel = 'TELEGRAM' AND ci."externalId" = split_part(m."externalId", ':', 1)
  WHERE m.channel = 'TELEGRAM' AND m.kind = 'INBOUND' AND m."externalId" IS NOT NULL
  GROUP BY m."ticketId"
  HAVING count(DISTINCT ci.id) = 1
) only_chat
WHERE only_chat."ticketId" = t.id;

-- Links made by a bare order number or email proved nothing, so every existing chat starts
-- unverified (verifiedAt stays NULL). A chat that such a link attached to a store's customer gets a
-- customer record of its own again, with the conversations it opened, which forget the order they
-- named; order tickets it only wrote into keep their customer but no longer reply to that chat.
DO $$
DECLARE
  linked record;
  own_customer uuid;
BEGIN
  FOR linked IN
    SELECT ci.id, ci."storeId", coalesce(ci."displayName", ci.username) AS name
    FROM "ChannelIdentity" ci
    JOIN "Customer" c ON c.id = ci."customerId"
    WHERE ci.channel = 'TELEGRAM' AND (c.email IS NOT NULL OR c."bigcommerceCustomerId" IS NOT NULL)
  LOOP
    INSERT INTO "Customer" (id, "storeId", name, "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), linked."storeId", linked.name, now(), now())
    RETURNING id INTO own_customer;
    UPDATE "ChannelIdentity" SET "customerId" = own_customer WHERE id = linked.id;
    UPDATE "Ticket" SET "customerId" = own_customer, "bigcommerceOrderId" = NULL, "orderSnapshotId" = NULL
    WHERE "channelIdentityId" = linked.id AND source = 'TELEGRAM';
    UPDATE "Ticket" SET "channelIdentityId" = NULL
    WHERE "channelIdentityId" = linked.id AND source <> 'TELEGRAM';
  END LOOP;
END $$;

-- Replies already queued for chats that are now unverified wait for no proof: they fail, with the
-- reason, rather than reach a chat that may not be the customer's.
UPDATE "TelegramDelivery" d SET status = 'FAILED', error = 'Not sent: the chat has not proved it is the customer''s (Telegram identity check)'
FROM "Message" m
WHERE d."messageId" = m.id AND d.status IN ('QUEUED', 'HELD');
UPDATE "Message" SET "deliveryStatus" = 'FAILED', "deliveryError" = 'Not sent: the chat has not proved it is the customer''s (Telegram identity check)'
WHERE channel = 'TELEGRAM' AND kind = 'OUTBOUND' AND "deliveryStatus" IN ('QUEUED', 'SENDING', 'HELD');
