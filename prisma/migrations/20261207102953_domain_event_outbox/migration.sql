-- CreateTable
CREATE TABLE "DomainEvent" (
    "id" BIGSERIAL NOT NULL,
    "storeId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "ticketId" UUID,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DomainEvent_availableAt_idx" ON "DomainEvent"("availableAt");

-- One notification per transaction that wrote events (PostgreSQL folds equal notifications of a
-- transaction into one and sends them at commit): the dispatchers LISTEN on this channel.
CREATE FUNCTION "notify_domain_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tern_domain_events', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "DomainEvent_notify" AFTER INSERT ON "DomainEvent" FOR EACH STATEMENT EXECUTE FUNCTION "notify_domain_events"();
