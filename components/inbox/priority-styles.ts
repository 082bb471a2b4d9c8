import type { TicketPriority } from "@/lib/generated/prisma/enums.ts";

export const PRIORITY_STYLES: Record<TicketPriority, string> = {
  LOW: "bg-slate-100 text-slate-700",
  NORMAL: "bg-slate-100 text-slate-700",
  HIGH: "bg-amber-100 text-amber-900",
  URGENT: "bg-red-600 text-white",
};
