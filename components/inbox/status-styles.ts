import type { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";

/** Status pills: grouped by who holds the ball, so the queue reads at a glance. */
export const STATUS_STYLES: Record<TicketStatus, string> = {
  OPEN: "bg-slate-100 text-slate-700",
  AWAITING_AGENT: "bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200",
  PRIORITY_QUEUE: "bg-orange-50 text-orange-800 ring-1 ring-inset ring-orange-200",
  AGENT_ASSIGNED: "bg-indigo-50 text-indigo-800",
  IN_PROGRESS: "bg-indigo-50 text-indigo-800",
  AGENT_NOTIFIED: "bg-indigo-50 text-indigo-800",
  CUSTOMER_NOTIFIED: "bg-teal-50 text-teal-800",
  RETURN_PROCESSING: "bg-violet-50 text-violet-800",
  ESCALATED: "bg-red-50 text-red-800 ring-1 ring-inset ring-red-200",
  WAITING_ON_CUSTOMER: "bg-amber-50 text-amber-900",
  RESOLVED: "bg-emerald-50 text-emerald-800",
  CLOSED: "bg-slate-100 text-slate-600",
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = { LOW: "Low", NORMAL: "Normal", HIGH: "High", URGENT: "Urgent" };

export const PRIORITIES: readonly TicketPriority[] = ["URGENT", "HIGH", "NORMAL", "LOW"];
