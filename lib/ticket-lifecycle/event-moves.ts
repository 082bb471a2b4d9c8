import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";

/**
 * Where each row of the SPEC's event table moves the order's ticket. The table names one "from"
 * status per row; a real ticket may be anywhere, so each function picks the nearest move the
 * state machine allows (status-machine.ts), or none. Every move still goes through
 * transitionTicketInTx; these only choose the target. Pure.
 */

/** Statuses an escalation or a return has put the ticket in: routine order news must not pull it out. */
const ATTENTION: readonly TicketStatus[] = ["PRIORITY_QUEUE", "ESCALATED", "RETURN_PROCESSING"];

/**
 * order.updated (In Progress → Agent Notified): the order changed under an agent's feet, so a
 * ticket someone is working (or waiting on the customer for) comes back to the agent. A queued
 * ticket stays queued (nobody to notify yet; leaving the queue would hide it), and tickets under
 * escalation, return processing, resolved or closed keep their status: the note is enough.
 */
export function statusNoteMove(status: TicketStatus): TicketStatus | null {
  return ["AGENT_ASSIGNED", "IN_PROGRESS", "CUSTOMER_NOTIFIED", "WAITING_ON_CUSTOMER"].includes(status) ? "AGENT_NOTIFIED" : null;
}

/**
 * shipment.tracking.added (In Progress → Customer Notified), once the tracking message is queued
 * to the customer. From any working or queued status except the attention ones; a resolved
 * ticket is not reopened just to say it shipped.
 */
export function shipmentNoticeMove(status: TicketStatus): TicketStatus | null {
  if (status === "CUSTOMER_NOTIFIED" || status === "RESOLVED" || status === "CLOSED" || status === "OPEN" || ATTENTION.includes(status)) return null;
  return "CUSTOMER_NOTIFIED";
}

/**
 * order.refund.requested (Awaiting Agent → Priority Queue): from anywhere active. A resolved ticket
 * is reopened into the queue first (Resolved → Priority Queue is not a move the machine allows);
 * an escalated one is already beyond the priority queue and stays.
 */
export function escalationMoves(status: TicketStatus): TicketStatus[] {
  if (status === "PRIORITY_QUEUE" || status === "ESCALATED" || status === "CLOSED") return [];
  if (status === "RESOLVED") return ["AWAITING_AGENT", "PRIORITY_QUEUE"];
  return ["PRIORITY_QUEUE"];
}

/**
 * product.return.initiated (Open → Return Processing) for the parent order ticket: the return
 * becomes what the ticket is about, unless it is escalated (that outranks it) or finished (the
 * sub-ticket carries the return).
 */
export function returnParentMove(status: TicketStatus): TicketStatus | null {
  if (status === "RETURN_PROCESSING" || status === "ESCALATED" || status === "RESOLVED" || status === "CLOSED") return null;
  return "RETURN_PROCESSING";
}

/**
 * customer.message.received (Awaiting Agent → Agent Assigned): the customer wrote. A resolved ticket
 * reopens (SPEC); a ticket waiting on the customer, or that just notified them, is theirs to
 * answer again: back to its agent (Agent Assigned) or, with none, to the queue. Agent Assigned
 * needs an assignee, so an unassigned queued ticket stays queued.
 */
export function customerMessageMove(status: TicketStatus, hasAssignee: boolean): TicketStatus | null {
  switch (status) {
    case "RESOLVED":
      return hasAssignee ? "AGENT_ASSIGNED" : "AWAITING_AGENT";
    case "WAITING_ON_CUSTOMER":
    case "CUSTOMER_NOTIFIED":
      return hasAssignee ? "AGENT_ASSIGNED" : "AWAITING_AGENT";
    case "AWAITING_AGENT":
      return hasAssignee ? "AGENT_ASSIGNED" : null;
    default:
      return null;
  }
}
