-- Events written already leased to their writer's dispatcher (availableAt ahead: handed off in the
-- same process, lib/domain-events/domain-event.ts) wake no one: another dispatcher would claim
-- nothing. A statement that wrote any event due now still notifies once, at commit.
CREATE OR REPLACE FUNCTION "notify_domain_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM written WHERE "availableAt" <= now()) THEN
    PERFORM pg_notify('tern_domain_events', '');
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER "DomainEvent_notify" ON "DomainEvent";
CREATE TRIGGER "DomainEvent_notify" AFTER INSERT ON "DomainEvent" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "notify_domain_events"();
