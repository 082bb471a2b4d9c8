"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { useToast } from "@/components/ui/toast.tsx";
import type { OrderActionDto } from "@/lib/order-actions/order-action-dto.ts";
import type { OrderView } from "@/lib/orders/order-view.ts";
import { ConfirmOrderActionDialog } from "./confirm-order-action-dialog.tsx";
import { formatMoney } from "./format-money.ts";
import { orderActionAvailability } from "./order-action-availability.ts";
import { RefundDialog } from "./refund-dialog.tsx";
import { useDecideRefund, useOrderActions, useTakeOrderAction } from "./use-order-actions.ts";

type Props = { ticketId: string; order: OrderView };

type Open = { kind: "refund" } | { kind: "cancel" } | { kind: "resend" } | { kind: "reject"; action: OrderActionDto } | null;

const STATUS: Record<OrderActionDto["status"], { label: string; className: string }> = {
  PENDING_APPROVAL: { label: "Waiting for a supervisor", className: "bg-amber-100 text-amber-900" },
  RUNNING: { label: "In progress", className: "bg-sky-100 text-sky-900" },
  SUCCEEDED: { label: "Done", className: "bg-emerald-100 text-emerald-900" },
  FAILED: { label: "Failed", className: "bg-red-100 text-red-900" },
  REJECTED: { label: "Rejected", className: "bg-slate-200 text-slate-800" },
};

const DONE: Record<OrderActionDto["kind"], string> = { REFUND: "Refunded", CANCEL: "Cancelled", RESEND_TRACKING: "Sent" };

// The stored error keeps BigCommerce's request line for whoever debugs it; the agent needs only its words.
function plainError(error: string): string {
  return error.replace(/^BigCommerce [A-Z]+ \S+ answered \d+: /, "");
}

function title(action: OrderActionDto, currency: string | null): string {
  if (action.kind === "REFUND") return `Refund of ${formatMoney(action.amount, currency)}`;
  return action.kind === "CANCEL" ? "Cancel the order" : "Resend tracking";
}

/** "2 × Orbit Terrarium, an amount of $5.00": what a refund covers, named from the order. */
function refundedWhat(action: OrderActionDto, order: OrderView, currency: string | null): string | null {
  if (!Array.isArray(action.items)) return null;
  const parts = (action.items as Array<{ item_type?: string; item_id?: number; quantity?: number; amount?: number }>).map((item) => {
    if (item.item_type === "PRODUCT") return `${item.quantity ?? 0} × ${order.items.find((entry) => entry.id === String(item.item_id))?.name ?? `product ${item.item_id}`}`;
    return `${item.item_type === "ORDER" ? "an amount" : (item.item_type ?? "item").toLowerCase()} of ${formatMoney(item.amount === undefined ? null : String(item.amount), currency)}`;
  });
  return parts.length ? parts.join(", ") : null;
}

function trackingOf(action: OrderActionDto): string | null {
  const number = (action.result as { trackingNumber?: unknown } | null)?.trackingNumber;
  return typeof number === "string" ? number : null;
}

function ActionItem({ action, order, approver, onReject }: { action: OrderActionDto; order: OrderView; approver: boolean; onReject: () => void }) {
  const decide = useDecideRefund(action.ticketId);
  const toast = useToast();
  const status = STATUS[action.status];
  const what = action.kind === "REFUND" ? refundedWhat(action, order, order.currency) : null;
  const amount = formatMoney(action.amount, order.currency);
  return (
    <li data-testid="order-action" data-status={action.status} className="space-y-1 rounded-md border border-slate-200 p-2 text-xs">
      <div className="flex items-start justify-between gap-2">
        <p className="font-medium text-slate-900">{title(action, order.currency)}</p>
        <span className={cx("shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium", status.className)}>{action.status === "SUCCEEDED" ? DONE[action.kind] : status.label}</span>
      </div>
      {what && <p className="text-slate-700">{what}</p>}
      {action.kind === "RESEND_TRACKING" && trackingOf(action) && <p className="font-mono text-slate-700">{trackingOf(action)}</p>}
      {action.reason && <p className="italic text-slate-700">“{action.reason}”</p>}
      <p className="text-slate-500">
        Asked by {action.requestedBy?.name ?? "someone no longer here"} <RelativeTime iso={action.createdAt} />
      </p>
      {action.decidedBy && action.status !== "PENDING_APPROVAL" && (
        <p className="text-slate-600">
          {action.status === "REJECTED" ? "Rejected" : "Approved"} by {action.decidedBy.name}
          {action.status === "REJECTED" && action.error ? `: ${action.error}` : ""}
        </p>
      )}
      {action.status === "FAILED" && action.error && <p className="text-red-800">{plainError(action.error)}</p>}
      {action.status === "PENDING_APPROVAL" && approver && (
        <div className="flex gap-2 pt-1">
          <Button
            size="xs"
            variant="primary"
            disabled={decide.isPending}
            aria-label={`Approve the refund of ${amount}`}
            onClick={() => decide.mutate({ actionId: action.id, approve: true }, { onSuccess: (done) => toast.info(done.status === "SUCCEEDED" ? `Refunded ${amount}.` : `Refund of ${amount} approved.`) })}
          >
            {decide.isPending ? "Refunding…" : "Approve"}
          </Button>
          <Button size="xs" variant="danger" disabled={decide.isPending} aria-label={`Reject the refund of ${amount}`} onClick={onReject}>
            Reject
          </Button>
        </div>
      )}
      {decide.error && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-800">
          {decide.error.message}
        </p>
      )}
    </li>
  );
}

/**
 * Refund, cancel and resend tracking from the ticket, with every action taken on it: a refund
 * waiting for a supervisor shows as such to everyone, and supervisors decide it right here.
 */
export function OrderActionsPanel({ ticketId, order }: Props) {
  const actions = useOrderActions(ticketId);
  const take = useTakeOrderAction(ticketId);
  const reject = useDecideRefund(ticketId);
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const close = () => {
    setOpen(null);
    take.reset();
    reject.reset();
  };

  if (actions.isPending) return <p className="text-xs text-slate-600">Loading order actions…</p>;
  if (actions.error) return <p role="alert" className="text-xs text-red-700">{actions.error.message}</p>;
  const { items, permissions } = actions.data;
  const available = orderActionAvailability(order, permissions);
  const currency = order.currency;
  const shipment = available.trackedShipment;
  const none = !available.refund && !available.cancel && !available.resendTracking;

  return (
    <div className="space-y-2">
      {none ? (
        <p className="text-xs text-slate-600">No action fits this order in its current state.</p>
      ) : (
        <div role="group" aria-label="Order actions" className="flex flex-wrap gap-1.5">
          {available.refund && (
            <Button size="xs" onClick={() => setOpen({ kind: "refund" })}>
              Refund
            </Button>
          )}
          {available.resendTracking && (
            <Button size="xs" onClick={() => setOpen({ kind: "resend" })}>
              Resend tracking
            </Button>
          )}
          {available.cancel && (
            <Button size="xs" variant="danger" onClick={() => setOpen({ kind: "cancel" })}>
              Cancel order
            </Button>
          )}
        </div>
      )}

      {items.length > 0 && (
        <ul aria-label="Actions on this order" className="space-y-1.5">
          {items.map((action) => (
            <ActionItem key={action.id} action={action} order={order} approver={permissions.approve} onReject={() => setOpen({ kind: "reject", action })} />
          ))}
        </ul>
      )}

      {open?.kind === "refund" && (
        <RefundDialog
          open
          onClose={close}
          onDone={(action) => {
            close();
            const amount = formatMoney(action.amount, currency);
            toast.info(action.status === "PENDING_APPROVAL" ? `The refund of ${amount} waits for a supervisor's approval.` : `Refunded ${amount}.`);
          }}
          ticketId={ticketId}
          orderId={order.orderId}
          currency={currency}
          total={order.total}
          refundable={available.refundable}
          items={available.refundableItems}
          approver={permissions.approve}
        />
      )}
      {open?.kind === "cancel" && (
        <ConfirmOrderActionDialog
          title={`Cancel order #${order.orderId}?`}
          description="BigCommerce sets the order to Cancelled. Tern cannot undo it, and it does not refund the payment: refund first if the customer paid."
          confirmLabel="Cancel the order"
          danger
          reasonLabel="Reason (optional, shown in the thread)"
          pending={take.isPending}
          error={take.error?.message ?? null}
          onConfirm={(reason) => take.mutate({ kind: "CANCEL", ...(reason ? { reason } : {}) }, { onSuccess: () => (close(), toast.info(`Order #${order.orderId} cancelled.`)) })}
          onClose={close}
        />
      )}
      {open?.kind === "resend" && shipment && (
        <ConfirmOrderActionDialog
          title="Send the tracking again?"
          description="The customer gets the store's shipment message on Telegram, with the latest tracking number."
          confirmLabel="Send tracking"
          pending={take.isPending}
          error={take.error?.message ?? null}
          onConfirm={() =>
            take.mutate({ kind: "RESEND_TRACKING", ...(Number.isInteger(Number(shipment.id)) ? { shipmentId: Number(shipment.id) } : {}) }, { onSuccess: () => (close(), toast.info("Tracking sent to the customer.")) })
          }
          onClose={close}
        >
          <p className="text-[13px] text-slate-800">
            {shipment.carrier ?? "Shipment"} <span className="font-mono">{shipment.trackingNumber}</span>
          </p>
        </ConfirmOrderActionDialog>
      )}
      {open?.kind === "reject" && (
        <ConfirmOrderActionDialog
          title={`Reject the refund of ${formatMoney(open.action.amount, currency)}?`}
          description={`${open.action.requestedBy?.name ?? "The agent"} asked for it. Nothing is refunded; the reason goes in the thread.`}
          confirmLabel="Reject the refund"
          danger
          reasonLabel="Reason (shown in the thread)"
          pending={reject.isPending}
          error={reject.error?.message ?? null}
          onConfirm={(note) => reject.mutate({ actionId: open.action.id, approve: false, note }, { onSuccess: () => (close(), toast.info("Refund rejected.")) })}
          onClose={close}
        />
      )}
    </div>
  );
}
