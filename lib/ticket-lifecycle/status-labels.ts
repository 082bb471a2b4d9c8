import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";

/** The names agents see (from the seed workflow), used in activity entries and the UI. */
export const STATUS_LABELS: Record<TicketStatus, string> = {
  OPEN: "Open",
  AWAITING_AGENT: "Awaiting Agent",
  AGENT_ASSIGNED: "Agent Assigned",
  IN_PROGRESS: "In Progress",
  AGENT_NOTIFIED: "Agent Notified",
  CUSTOMER_NOTIFIED: "Customer Notified",
  PRIORITY_QUEUE: "Priority Queue",
  RETURN_PROCESSING: "Return Processing",
  ESCALATED: "Escalated",
  WAITING_ON_CUSTOMER: "Waiting on Customer",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};
