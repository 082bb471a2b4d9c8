-- Stored text vectors for the inbox search (lib/tickets/search-ticket-ids.ts). The expression
-- indexes of inbox_full_text_search found candidate rows, but PostgreSQL then ran to_tsvector again
-- on every candidate (about 16 µs a message) to recheck it, and a phrase ("wrong size") or a search
-- walking the queue newest first checks thousands: seconds at five million messages. A stored
-- column is computed once, when the row is written, and the GIN indexes below are built over it.
-- Hand-written: schema.prisma declares the columns as Unsupported("tsvector") with the same
-- generation expression, so `npm run db:check` sees no drift; regenerating this migration from the
-- schema would lose GENERATED ALWAYS … STORED. Keep the expressions as they are: the english
-- configuration is what websearch_to_tsquery('english', …) in the queries stems with.

-- The expression indexes were the search's only users (KbArticle's keeps its own).
DROP INDEX "Ticket_subject_fts_idx";
DROP INDEX "Message_body_fts_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "subject")) STORED;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "body")) STORED;

-- CreateIndex
CREATE INDEX "Ticket_searchVector_idx" ON "Ticket" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");
