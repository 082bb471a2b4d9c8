-- The queue's order (updatedAt desc, id desc) over the tickets whose SLA clocks run: the At risk
-- view (lib/tickets/find-sla-risk-ticket-ids.ts) walks it newest first. At risk is decided per
-- ticket from its due times and now, so no index holds "at risk" itself; a walk over the whole
-- queue's order finds the first page quickly, but later pages pass hundreds of thousands of closed
-- tickets. Partial, so it only holds the few percent of tickets that are not stopped.
-- Hand-written: the predicate must read exactly as the query's (status NOT IN the stopped
-- statuses), or PostgreSQL cannot prove the query only wants these rows.

-- CreateIndex
CREATE INDEX "Ticket_sla_running_order_idx" ON "Ticket" ("storeId", "updatedAt", "id")
  WHERE "status" NOT IN ('WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED');
