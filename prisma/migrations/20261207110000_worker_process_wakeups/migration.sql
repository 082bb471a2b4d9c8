-- The worker process learns of a stored webhook or Telegram update from the database: one
-- notification per transaction that stored events, sent at its commit (lib/inbound/inbound-signal.ts).
CREATE FUNCTION "notify_inbound_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tern_inbound_events', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "InboundEvent_notify" AFTER INSERT ON "InboundEvent" FOR EACH STATEMENT EXECUTE FUNCTION "notify_inbound_events"();
