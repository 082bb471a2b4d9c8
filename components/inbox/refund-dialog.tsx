"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { fieldClass, labelClass } from "@/components/ui/styles.ts";
import type { OrderActionDto } from "@/lib/order-actions/order-action-dto.ts";
import type { RefundQuoteDto } from "@/lib/order-actions/quote-refund.ts";
import { formatMoney } from "./format-money.ts";
import type { RefundableItem } from "./order-action-availability.ts";
import { useRefundQuote, useTakeOrderAction, type RefundItemInput } from "./use-order-actions.ts";

type Props = {
  open: boolean;
  onClose: () => void;
  onDone: (action: OrderActionDto) => void;
  ticketId: string;
  orderId: number;
  currency: string | null;
  total: string | null;
  refundable: string | null;
  items: RefundableItem[];
  /** Whether the viewer approves refunds: an agent is told that a large one waits for a supervisor. */
  approver: boolean;
};

type Mode = "items" | "amount";

/** The refund items the form describes, or why there are none yet. */
function refundItems(mode: Mode, quantities: Record<number, number>, amount: string, order: { orderId: number; refundable: string | null; currency: string | null }): RefundItemInput[] | string {
  if (mode === "items") {
    const chosen = Object.entries(quantities).flatMap(([id, quantity]) => (quantity > 0 ? [{ item_type: "PRODUCT" as const, item_id: Number(id), quantity }] : []));
    return chosen.length ? chosen : "Choose how many units of a product to refund.";
  }
  const value = Number(amount);
  if (!amount.trim() || !Number.isFinite(value) || value <= 0) return "Enter an amount above zero.";
  if (Math.round(value * 100) !== value * 100) return "Enter the amount in whole cents.";
  if (order.refundable !== null && value > Number(order.refundable)) return `That is more than the ${formatMoney(order.refundable, order.currency)} left to refund on this order.`;
  return [{ item_type: "ORDER", item_id: order.orderId, amount: value }];
}

function Quote({ quote, currency, total, refundable, approver }: { quote: RefundQuoteDto; currency: string | null; total: string | null; refundable: string | null; approver: boolean }) {
  // The refund runs with the first way of paying back that covers the whole amount (lib/order-actions/run-refund.ts).
  const method = quote.methods.find((entry) => entry.payments.reduce((sum, payment) => sum + Math.round(Number(payment.amount) * 100), 0) === Math.round(Number(quote.amount) * 100));
  return (
    <section aria-label="Refund quote" data-testid="refund-quote" className="space-y-1.5 rounded-md border border-tern-100 bg-tern-50 p-3 text-[13px]">
      <p className="flex items-baseline justify-between gap-2">
        <span className="text-slate-700">BigCommerce would refund</span>
        <strong className="text-base text-slate-900">{formatMoney(quote.amount, currency)}</strong>
      </p>
      <dl className="space-y-0.5 text-xs text-slate-700">
        <div className="flex justify-between gap-2">
          <dt>{quote.taxInclusive ? "Tax included" : "Tax"}</dt>
          <dd>{formatMoney(quote.tax, currency)}</dd>
        </div>
        {refundable !== null && (
          <div className="flex justify-between gap-2">
            <dt>Left to refund on the order</dt>
            <dd>
              {formatMoney(refundable, currency)}
              {total !== null && <span className="text-slate-500"> of {formatMoney(total, currency)}</span>}
            </dd>
          </div>
        )}
        <div className="flex justify-between gap-2">
          <dt>Paid back to</dt>
          <dd>{method ? method.payments.map((payment) => `${payment.description} (${formatMoney(payment.amount, currency)})`).join(", ") : "No single way covers this amount"}</dd>
        </div>
      </dl>
      {!approver && <p className="text-xs text-slate-600">If this takes the order&apos;s refunds above the store&apos;s limit, it waits for a supervisor&apos;s approval.</p>}
    </section>
  );
}

/**
 * A refund in two steps, as BigCommerce does them: the agent chooses units or an amount and gets
 * BigCommerce's quote; only the quoted amount can be confirmed, and any change asks for a new quote.
 */
export function RefundDialog({ open, onClose, onDone, ticketId, orderId, currency, total, refundable, items, approver }: Props) {
  const [mode, setMode] = useState<Mode>(items.length ? "items" : "amount");
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const quote = useRefundQuote(ticketId);
  const refund = useTakeOrderAction(ticketId);
  const ids = { amount: useId(), reason: useId(), mode: useId() };

  // Any change to what is refunded makes the quote on screen wrong: ask again.
  const changed = () => {
    setProblem(null);
    quote.reset();
    refund.reset();
  };
  const shown = quote.data ?? null;
  const error = problem ?? quote.error?.message ?? refund.error?.message ?? null;

  return (
    <Dialog open={open} onClose={onClose} title={`Refund order #${orderId}`} description="BigCommerce quotes the refund first: nothing is refunded until you confirm the quoted amount." size="md">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const wanted = refundItems(mode, quantities, amount, { orderId, refundable, currency });
          if (typeof wanted === "string") return setProblem(wanted);
          if (!shown) return quote.mutate(wanted);
          refund.mutate({ kind: "REFUND", items: shown.items as RefundItemInput[], amount: Number(shown.amount), ...(reason.trim() ? { reason: reason.trim() } : {}) }, {
            onSuccess: onDone,
            // The refusal says why (a new quote, BigCommerce's answer): the next step is a fresh quote.
            onError: () => quote.reset(),
          });
        }}
      >
        <fieldset>
          <legend className={labelClass}>Refund</legend>
          <div className="flex gap-4 text-[13px]">
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name={ids.mode} checked={mode === "items"} disabled={items.length === 0} onChange={() => (setMode("items"), changed())} /> Products
            </label>
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name={ids.mode} checked={mode === "amount"} onChange={() => (setMode("amount"), changed())} /> An amount
            </label>
          </div>
        </fieldset>

        {mode === "items" ? (
          <ul aria-label="Products to refund" className="space-y-2">
            {items.map((item) => (
              <li key={item.id} className="flex items-center gap-3 text-[13px]">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-slate-900">{item.name}</p>
                  <p className="text-xs text-slate-600">
                    {item.left} of {item.quantity} left to refund{item.unitTotal && ` · ${formatMoney(item.unitTotal, currency)} each`}
                  </p>
                </div>
                <div className="w-20 shrink-0">
                  <input
                    type="number"
                    min={0}
                    max={item.left}
                    step={1}
                    inputMode="numeric"
                    aria-label={`Units of ${item.name} to refund`}
                    value={quantities[item.id] ?? 0}
                    onChange={(event) => {
                      const value = Math.max(0, Math.min(item.left, Math.floor(Number(event.target.value) || 0)));
                      setQuantities((current) => ({ ...current, [item.id]: value }));
                      changed();
                    }}
                    className={fieldClass}
                  />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <div>
            <label htmlFor={ids.amount} className={labelClass}>
              Amount to refund{refundable !== null && ` (up to ${formatMoney(refundable, currency)})`}
            </label>
            <input
              id={ids.amount}
              type="number"
              min={0.01}
              step={0.01}
              inputMode="decimal"
              value={amount}
              onChange={(event) => (setAmount(event.target.value), changed())}
              className={fieldClass}
            />
          </div>
        )}

        <div>
          <label htmlFor={ids.reason} className={labelClass}>
            Reason (optional, kept with the refund)
          </label>
          <textarea id={ids.reason} rows={2} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} className={fieldClass} />
        </div>

        {shown && <Quote quote={shown} currency={currency} total={total} refundable={refundable} approver={approver} />}

        {error && (
          <p role="alert" className="rounded bg-red-50 px-2 py-1.5 text-[13px] text-red-800">
            {error}
          </p>
        )}

        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Close</Button>
          {shown ? (
            <Button type="submit" variant="primary" disabled={refund.isPending}>
              {refund.isPending ? "Refunding…" : `Confirm refund of ${formatMoney(shown.amount, currency)}`}
            </Button>
          ) : (
            <Button type="submit" variant="primary" disabled={quote.isPending}>
              {quote.isPending ? "Asking BigCommerce…" : "Get quote"}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
