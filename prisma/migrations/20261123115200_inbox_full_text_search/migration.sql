-- Full-text search for the inbox (lib/tickets/search-ticket-ids.ts, lib/kb/suggest-kb-articles.ts).
-- Hand-written: Prisma's schema language cannot express expression indexes. Its introspection skips them, so `npm run db:check`
-- neither needs them in schema.prisma nor asks to drop them. Keep this migration when
-- consolidating: regenerating from schema.prisma alone would lose these indexes.
-- The expressions must stay identical to the ones the queries use, or PostgreSQL ignores the index.

-- CreateIndex
CREATE INDEX "Ticket_subject_fts_idx" ON "Ticket" USING GIN (to_tsvector('english'::regconfig, "subject"));

-- CreateIndex
CREATE INDEX "Message_body_fts_idx" ON "Message" USING GIN (to_tsvector('english'::regconfig, "body"));

-- CreateIndex
CREATE INDEX "KbArticle_fts_idx" ON "KbArticle" USING GIN (
  (setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "body"), 'B'))
);
