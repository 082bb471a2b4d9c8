// Tailwind class strings for the supervisor pages (dashboard, routing and SLA settings).

import { focusRing } from "@/components/ui/styles.ts";

export const ring = focusRing;

export const buttonClass = {
  primary: `inline-flex h-8 shrink-0 items-center whitespace-nowrap justify-center gap-1.5 rounded-md bg-tern-600 px-3 text-[13px] font-medium text-white hover:bg-tern-700 disabled:cursor-not-allowed disabled:bg-tern-600/50 ${ring}`,
  secondary: `inline-flex h-8 shrink-0 items-center whitespace-nowrap justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-[13px] font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400 ${ring}`,
  small: `inline-flex h-7 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400 ${ring}`,
  danger: `inline-flex h-7 items-center justify-center rounded-md border border-red-200 bg-white px-2 text-xs font-medium text-red-700 hover:bg-red-50 ${ring}`,
} as const;

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-[13px] text-slate-900 placeholder:text-slate-500 " +
  "focus:border-tern-500 focus:outline-none focus:ring-2 focus:ring-tern-100";

export const labelClass = "mb-1 block text-xs font-medium text-slate-700";

export const cardClass = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

export const cardTitleClass = "text-[13px] font-semibold text-slate-800";

export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
