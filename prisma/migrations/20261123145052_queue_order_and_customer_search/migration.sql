-- pg_trgm gives the trigram operator classes below (the inbox search's ILIKE '%…%' on customers).
-- Prisma's schema language cannot declare the extension without a preview feature: keep this line
-- when consolidating migrations. It ships with PostgreSQL (contrib) and is trusted, so the database
-- owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Customer_email_trgm_idx" ON "Customer" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_name_trgm_idx" ON "Customer" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ticket_storeId_updatedAt_id_idx" ON "Ticket"("storeId", "updatedAt", "id");
