"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { formatMoney } from "@/components/inbox/format-money.ts";
import { cx } from "@/components/ui/cx.ts";
import { ArrowUpIcon, ExternalIcon, LockIcon, PackageIcon, RefreshIcon, SendIcon, StarIcon, TemplateIcon, TruckIcon } from "@/components/ui/icons.tsx";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { focusRing } from "@/components/ui/styles.ts";
import type { TimelineEntry, TimelineTicketRef } from "@/lib/customers/timeline/timeline-entry.ts";
import { STATUS_LABELS } from "@/lib/ticket-lifecycle/status-labels.ts";

const CHANNEL_NAMES: Record<string, string> = { TELEGRAM: "Telegram", BIGCOMMERCE: "BigCommerce", WEB: "web", INTERNAL: "Tern" };

function TicketLink({ ticket }: { ticket: TimelineTicketRef }) {
  return (
    <Link href={`/inbox?ticket=${ticket.id}`} className={cx("inline-flex min-w-0 max-w-full gap-1 text-xs text-tern-700 underline", focusRing)}>
      <span className="shrink-0 font-mono">#{ticket.number}</span>
      <span className="truncate">{ticket.subject}</span>
    </Link>
  );
}

function headline(entry: TimelineEntry): { icon: ReactNode; title: ReactNode; tone: string } {
  switch (entry.kind) {
    case "order":
      return {
        icon: <PackageIcon size={14} />,
        tone: "bg-sky-50 text-sky-800",
        title: (
          <>
            Order #{entry.orderId} placed · {formatMoney(entry.total, entry.currency)}
            {entry.status && <span className="ml-1 font-normal text-slate-600">· {entry.status}</span>}
          </>
        ),
      };
    case "order_status":
      return { icon: <RefreshIcon size={14} />, tone: "bg-sky-50 text-sky-800", title: <>Order {entry.orderId ? `#${entry.orderId} ` : ""}status</> };
    case "shipment":
      return { icon: <TruckIcon size={14} />, tone: "bg-emerald-50 text-emerald-800", title: <>Order {entry.orderId ? `#${entry.orderId} ` : ""}shipped</> };
    case "refund":
      return { icon: <ArrowUpIcon size={14} className="rotate-180" />, tone: "bg-orange-50 text-orange-800", title: <>Refund on order {entry.orderId ? `#${entry.orderId}` : ""}</> };
    case "return":
      return { icon: <PackageIcon size={14} />, tone: "bg-orange-50 text-orange-800", title: <>Return of order {entry.orderId ? `#${entry.orderId}` : ""}</> };
    case "ticket":
      return {
        icon: <TemplateIcon size={14} />,
        tone: "bg-slate-100 text-slate-700",
        title: (
          <>
            {entry.parentTicketId ? "Sub-ticket" : "Ticket"} #{entry.ticket.number} opened
            <span className="ml-1 font-normal text-slate-600">· now {STATUS_LABELS[entry.status]}</span>
          </>
        ),
      };
    case "csat":
      return { icon: <StarIcon size={14} />, tone: "bg-amber-50 text-amber-800", title: <>Rated the support {entry.score}/5</> };
    case "message":
      if (entry.direction === "internal") return { icon: <LockIcon size={14} />, tone: "bg-amber-100 text-amber-900", title: <>Internal note{entry.author ? ` by ${entry.author}` : " by Tern"}</> };
      if (entry.direction === "inbound") return { icon: <SendIcon size={14} className="-scale-x-100" />, tone: "bg-violet-50 text-violet-800", title: <>Customer wrote on {CHANNEL_NAMES[entry.channel] ?? entry.channel}</> };
      return { icon: <SendIcon size={14} />, tone: "bg-tern-50 text-tern-700", title: <>{entry.author ? `${entry.author} replied` : "Tern replied"}</> };
  }
}

/** One entry of the timeline. Every text from a customer, an agent or the store is rendered as text (React escapes it), never as HTML. */
export function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { icon, title, tone } = headline(entry);
  const internal = entry.kind === "message" && entry.direction === "internal";
  const text = entry.kind === "message" || entry.kind === "order_status" || entry.kind === "shipment" || entry.kind === "refund" || entry.kind === "return" ? entry.text : null;
  const ticket = "ticket" in entry ? entry.ticket : null;
  return (
    <li data-testid="timeline-entry" data-kind={entry.kind} className="relative flex gap-3 pb-4">
      <span aria-hidden="true" className={cx("grid size-7 shrink-0 place-items-center rounded-full", tone)}>
        {icon}
      </span>
      <div className={cx("min-w-0 flex-1 rounded-md border px-3 py-2", internal ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white")}>
        <div className="flex flex-wrap items-baseline justify-between gap-x-2">
          <p className="min-w-0 text-[13px] font-semibold text-slate-900">
            {title}
            {internal && (
              <span data-testid="internal-badge" className="ml-2 inline-block whitespace-nowrap rounded bg-amber-200 px-1.5 py-0.5 text-[10px] font-bold uppercase text-amber-900">
                Internal · agents only
              </span>
            )}
          </p>
          <RelativeTime iso={entry.at} className="shrink-0 text-[11px] text-slate-500" />
        </div>
        {text && (
          <p data-testid="timeline-text" className="mt-1 whitespace-pre-wrap break-words text-[13px] text-slate-800">
            {text}
            {entry.kind === "message" && entry.truncated && <span className="text-slate-500"> … (the whole message is in the ticket)</span>}
          </p>
        )}
        {entry.kind === "shipment" && entry.trackingUrl && (
          <a href={entry.trackingUrl} target="_blank" rel="noreferrer" className={cx("mt-1 inline-flex items-center gap-1 text-xs text-tern-700 underline", focusRing)}>
            Track parcel <ExternalIcon size={11} />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
        {entry.kind === "order" && !entry.placedAtKnown && <p className="mt-1 text-xs text-slate-500">BigCommerce gave no order date: shown when Tern first saw it.</p>}
        {ticket && (
          <div className="mt-1 min-w-0">
            <TicketLink ticket={ticket} />
          </div>
        )}
      </div>
    </li>
  );
}
