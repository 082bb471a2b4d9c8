// Shared Tailwind class strings: one focus ring and one field look across the inbox and settings.

export const focusRing = "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-tern-500 focus-visible:ring-offset-1";

export const fieldClass =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-[13px] text-slate-900 placeholder:text-slate-500 " +
  "focus:border-tern-500 focus:outline-none focus:ring-2 focus:ring-tern-100 disabled:bg-slate-50 disabled:text-slate-500";

export const selectClass =
  "rounded-md border border-slate-300 bg-white py-1 pl-2 pr-7 text-[13px] text-slate-800 " +
  "focus:border-tern-500 focus:outline-none focus:ring-2 focus:ring-tern-100 disabled:bg-slate-50 disabled:text-slate-500";

export const labelClass = "mb-1 block text-xs font-medium text-slate-700";
