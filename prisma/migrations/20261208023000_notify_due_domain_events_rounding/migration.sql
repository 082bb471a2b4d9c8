-- "availableAt" keeps milliseconds: an event written due now (CURRENT_TIMESTAMP) is stored rounded,
-- up to half a millisecond after now(), and the check of 20261208013000 then took it for a leased
-- one and woke no dispatcher (about one transaction in two). Events handed off are leased for
-- seconds, so anything due within one second counts as due.
CREATE OR REPLACE FUNCTION "notify_domain_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM written WHERE "availableAt" <= now() + interval '1 second') THEN
    PERFORM pg_notify('tern_domain_events', '');
  END IF;
  RETURN NULL;
END;
$$;
