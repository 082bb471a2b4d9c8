import type { TimelineKind } from "@/lib/customers/timeline/timeline-entry.ts";

/** The timeline's filter buttons: each asks the API for a set of kinds (none: everything). */
export const TIMELINE_FILTERS: readonly { id: string; label: string; kinds: readonly TimelineKind[] }[] = [
  { id: "all", label: "Everything", kinds: [] },
  { id: "orders", label: "Orders", kinds: ["order", "order_status", "shipment", "refund", "return"] },
  { id: "tickets", label: "Tickets", kinds: ["ticket"] },
  { id: "messages", label: "Messages", kinds: ["message"] },
  { id: "csat", label: "CSAT", kinds: ["csat"] },
];
