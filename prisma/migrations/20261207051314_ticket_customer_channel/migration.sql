-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "customerChannel" "Channel";

-- Tickets that already have customer messages: the channel of the latest one.
UPDATE "Ticket" AS t
SET "customerChannel" = latest.channel
FROM (
    SELECT DISTINCT ON ("ticketId") "ticketId", channel
    FROM "Message"
    WHERE kind = 'INBOUND'
    ORDER BY "ticketId", "createdAt" DESC
) AS latest
WHERE latest."ticketId" = t.id;
