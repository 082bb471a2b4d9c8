"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { InsightCard } from "@/components/customers/insight-card.tsx";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { BookIcon, ExternalIcon, PackageIcon, RefreshIcon, StarIcon, TruckIcon } from "@/components/ui/icons.tsx";
import { RelativeTime, formatAbsolute } from "@/components/ui/relative-time.tsx";
import { focusRing } from "@/components/ui/styles.ts";
import type { OrderAddress } from "@/lib/orders/order-view.ts";
import type { TicketContext } from "@/lib/tickets/get-ticket-context.ts";
import { STATUS_LABELS } from "@/lib/ticket-lifecycle/status-labels.ts";
import { formatMoney } from "./format-money.ts";
import { KbPanel } from "./kb-panel.tsx";
import { OrderActionsPanel } from "./order-actions-panel.tsx";
import { VerifyChatPanel } from "./verify-chat-panel.tsx";
import { inboxKeys } from "./query-keys.ts";
import { useKbSuggestions, useTicketContext } from "./use-ticket-detail.ts";

type Props = { ticketId: string; onOpenTicket: (id: string) => void; onInsertArticle: (text: string) => void; className?: string };

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 px-4 py-3">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

function Address({ label, address }: { label: string; address: OrderAddress }) {
  return (
    <div>
      <p className="text-[11px] font-medium text-slate-500">{label}</p>
      <address className="text-xs not-italic leading-relaxed text-slate-800">
        {address.name && <span className="block font-medium">{address.name}</span>}
        {address.lines.map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </address>
    </div>
  );
}

function Customer({ context }: { context: TicketContext }) {
  const customer = context.customer;
  if (!customer) return <p className="text-xs text-slate-600">No customer linked.</p>;
  return (
    <div className="space-y-1 text-[13px]">
      <p className="flex items-center gap-2 font-semibold text-slate-900">
        {customer.name ?? customer.email ?? "Customer"}
        <span
          data-testid="customer-tier"
          className={cx("inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-[10px] font-bold uppercase", customer.tier === "VIP" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-600")}
        >
          {customer.tier === "VIP" && <StarIcon size={10} />}
          {customer.tier === "VIP" ? "VIP" : "Standard"}
        </span>
      </p>
      {customer.email && <p className="truncate text-xs text-slate-600">{customer.email}</p>}
      {customer.phone && <p className="truncate text-xs text-slate-600">{customer.phone}</p>}
      {customer.bigcommerceDeleted && <p className="text-xs font-medium text-orange-800">Deleted in BigCommerce</p>}
      {customer.customFields.length > 0 && (
        <dl data-testid="customer-fields" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 pt-1 text-xs">
          {customer.customFields.map((field) => (
            <div key={field.label} className="contents">
              <dt className="text-slate-500">{field.label}</dt>
              <dd className="truncate text-slate-800" title={field.value}>
                {field.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {customer.telegram && (
        <p className="text-xs text-slate-600">
          Telegram {customer.telegram.username ? `@${customer.telegram.username}` : (customer.telegram.displayName ?? "chat")}
          {customer.telegram.blocked && <span className="ml-1 font-medium text-red-700">· blocked the bot</span>}
          {!customer.telegram.verified && <span className="ml-1 font-medium text-orange-800">· unverified</span>}
        </p>
      )}
    </div>
  );
}

function Order({ order }: { order: NonNullable<TicketContext["order"]> }) {
  return (
    <div className="space-y-3" data-testid="order-details">
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-[13px] font-semibold text-slate-900">Order #{order.orderId}</p>
        {order.status && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-800">{order.status}</span>}
      </div>
      {order.createdAt && <p className="-mt-2 text-xs text-slate-600">Placed {formatAbsolute(order.createdAt)}</p>}
      <ul aria-label="Products" className="space-y-2">
        {order.items.map((item) => (
          <li key={item.id} className="flex gap-2.5">
            {item.imageUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- product images come from the store's CDN
              <img src={item.imageUrl} alt={item.name} className="size-10 shrink-0 rounded border border-slate-200 object-cover" />
            ) : (
              <span aria-hidden="true" className="grid size-10 shrink-0 place-items-center rounded border border-slate-200 bg-slate-50 text-slate-400">
                <PackageIcon size={16} />
              </span>
            )}
            <div className="min-w-0 flex-1 text-xs">
              <p className="truncate font-medium text-slate-900" title={item.name}>
                {item.name}
              </p>
              <p className="text-slate-600">
                {item.sku ? <span className="font-mono">SKU {item.sku}</span> : "No SKU"} · ×{item.quantity}
              </p>
              {item.options.length > 0 && <p className="truncate text-slate-500">{item.options.join(", ")}</p>}
            </div>
            <span className="shrink-0 text-xs text-slate-800">{formatMoney(item.total, order.currency)}</span>
          </li>
        ))}
      </ul>
      <dl className="space-y-0.5 border-t border-slate-100 pt-2 text-xs">
        {[
          ["Subtotal", order.subtotal],
          ["Shipping", order.shipping],
          ["Tax", order.tax],
          ["Discount", order.discount],
        ].map(([label, amount]) =>
          amount ? (
            <div key={label} className="flex justify-between text-slate-600">
              <dt>{label}</dt>
              <dd>{formatMoney(amount, order.currency)}</dd>
            </div>
          ) : null,
        )}
        <div className="flex justify-between font-semibold text-slate-900">
          <dt>Total</dt>
          <dd>{formatMoney(order.total, order.currency)}</dd>
        </div>
        {order.refunded && Number(order.refunded) > 0 && (
          <div className="flex justify-between text-slate-600">
            <dt>Refunded</dt>
            <dd>−{formatMoney(order.refunded, order.currency)}</dd>
          </div>
        )}
        {order.paymentMethod && <p className="pt-0.5 text-slate-500">Paid by {order.paymentMethod}</p>}
      </dl>
      {order.shippingAddresses[0] ? (
        <Address label="Ship to" address={order.shippingAddresses[0]} />
      ) : order.billingAddress ? (
        <Address label="Billing address" address={order.billingAddress} />
      ) : null}
      {order.customerMessage && <p className="rounded bg-slate-50 p-2 text-xs italic text-slate-700">“{order.customerMessage}”</p>}
      <div>
        <p className="mb-1 text-[11px] font-medium text-slate-500">Shipments</p>
        {order.shipments.length === 0 ? (
          <p className="text-xs text-slate-600">Not shipped yet.</p>
        ) : (
          <ul className="space-y-1.5">
            {order.shipments.map((shipment) => (
              <li key={shipment.id} data-testid="shipment" className="flex items-start gap-2 text-xs">
                <TruckIcon size={14} className="mt-0.5 shrink-0 text-slate-500" />
                <div className="min-w-0">
                  <p className="text-slate-800">
                    {shipment.carrier ?? "Carrier"} {shipment.trackingNumber && <span className="font-mono">{shipment.trackingNumber}</span>}
                  </p>
                  {shipment.createdAt && <p className="text-slate-500">Shipped {formatAbsolute(shipment.createdAt)}</p>}
                  {shipment.trackingUrl && (
                    <a href={shipment.trackingUrl} target="_blank" rel="noreferrer" className={cx("inline-flex items-center gap-1 text-tern-700 underline", focusRing)}>
                      Track parcel <ExternalIcon size={11} />
                      <span className="sr-only">(opens in a new tab)</span>
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function OrderTab({ ticketId, onOpenTicket }: { ticketId: string; onOpenTicket: (id: string) => void }) {
  const context = useTicketContext(ticketId);
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => apiFetch<TicketContext>(`/api/v1/tickets/${ticketId}/order/refresh`, { method: "POST" }),
    onSuccess: (fresh) => queryClient.setQueryData(inboxKeys.context(ticketId), fresh),
  });
  if (context.isPending) return <p className="p-4 text-xs text-slate-600">Loading the order…</p>;
  if (context.error) return <p role="alert" className="p-4 text-xs text-red-700">{context.error.message}</p>;
  const data = context.data;
  return (
    <>
      <Section
        title="Customer"
        action={
          data.customer ? (
            <Link href={`/inbox/customers/${data.customer.id}`} className={cx("text-xs font-medium text-tern-700 underline", focusRing)}>
              Timeline
            </Link>
          ) : undefined
        }
      >
        <Customer context={data} />
        {/* An unverified chat is shown nothing of any order, the customer's figures included. */}
        {data.customer && !data.unverifiedChat && (
          <div className="mt-3 border-t border-slate-100 pt-2">
            <InsightCard customerId={data.customer.id} compact />
          </div>
        )}
      </Section>
      {/* Above the order's details: a refund waiting for a supervisor is seen without scrolling. */}
      {data.order && !data.unverifiedChat && (
        <Section title="Order actions">
          <OrderActionsPanel ticketId={ticketId} order={data.order} />
        </Section>
      )}
      <Section
        title="Order"
        action={
          data.bigcommerceOrderId ? (
            <Button size="xs" variant="ghost" disabled={refresh.isPending} onClick={() => refresh.mutate()} aria-label="Refresh the order from BigCommerce">
              <RefreshIcon size={12} className={refresh.isPending ? "animate-spin" : undefined} /> Refresh
            </Button>
          ) : undefined
        }
      >
        {refresh.error && (
          <p role="alert" className="mb-2 rounded bg-red-50 px-2 py-1 text-xs text-red-800">
            {refresh.error.message}
          </p>
        )}
        {data.unverifiedChat ? (
          <VerifyChatPanel ticketId={ticketId} />
        ) : data.order ? (
          <>
            <Order order={data.order} />
            <p className="mt-2 text-[11px] text-slate-500">
              Read from BigCommerce <RelativeTime iso={data.order.fetchedAt} />
            </p>
          </>
        ) : data.bigcommerceOrderId ? (
          <p className="text-xs text-slate-600">Order #{data.bigcommerceOrderId} has not been read from BigCommerce yet.</p>
        ) : (
          <p className="text-xs text-slate-600">No order on this ticket.</p>
        )}
      </Section>
      <Section title={`Other tickets (${data.otherTickets.length})`}>
        {data.otherTickets.length === 0 ? (
          <p className="text-xs text-slate-600">None.</p>
        ) : (
          <ul className="space-y-1">
            {data.otherTickets.map((other) => (
              <li key={other.id}>
                <button type="button" onClick={() => onOpenTicket(other.id)} className={cx("flex w-full items-center gap-2 rounded px-1 py-0.5 text-left text-xs hover:bg-slate-50", focusRing)}>
                  <span className="font-mono text-slate-500">#{other.number}</span>
                  <span className="min-w-0 flex-1 truncate text-slate-800">{other.subject}</span>
                  <span className="shrink-0 text-slate-500">{STATUS_LABELS[other.status]}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`Other orders (${data.otherOrders.length})`}>
        {data.otherOrders.length === 0 ? (
          <p className="text-xs text-slate-600">None.</p>
        ) : (
          <ul className="space-y-1 text-xs">
            {data.otherOrders.map((order) => (
              <li key={order.orderId} className="flex justify-between gap-2">
                <span className="text-slate-800">#{order.orderId}</span>
                <span className="truncate text-slate-600">{order.status ?? "—"}</span>
                <span className="text-slate-800">{formatMoney(order.total, order.currency)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

/** The right pane: the order and customer beside the thread, and knowledge-base suggestions. */
export function OrderSidebar({ ticketId, onOpenTicket, onInsertArticle, className }: Props) {
  const [tab, setTab] = useState<"order" | "kb">("order");
  const suggestions = useKbSuggestions(ticketId);
  const count = suggestions.data?.items.length;
  const tabs = [
    { id: "order", label: "Order & customer", Icon: PackageIcon },
    { id: "kb", label: count ? `Knowledge (${count})` : "Knowledge", Icon: BookIcon },
  ] as const;
  return (
    <aside aria-label="Order and knowledge base" className={cx("flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white 2xl:w-96", className)}>
      <div role="tablist" aria-label="Sidebar" className="flex border-b border-slate-200 px-2">
        {tabs.map(({ id, label, Icon }) => (
          <button
            key={id}
            role="tab"
            type="button"
            id={`sidebar-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`sidebar-panel-${id}`}
            onClick={() => setTab(id)}
            className={cx(
              "-mb-px inline-flex items-center gap-1.5 border-b-2 px-2.5 py-2.5 text-[13px] font-medium",
              focusRing,
              tab === id ? "border-tern-600 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            <Icon size={14} /> {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`sidebar-panel-${tab}`} aria-labelledby={`sidebar-tab-${tab}`} className="min-h-0 flex-1 overflow-y-auto">
        {tab === "order" ? <OrderTab ticketId={ticketId} onOpenTicket={onOpenTicket} /> : <KbPanel ticketId={ticketId} onInsert={onInsertArticle} />}
      </div>
    </aside>
  );
}
