"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { fieldClass, labelClass } from "@/components/ui/styles.ts";
import { inboxKeys } from "./query-keys.ts";

/**
 * An unverified Telegram chat: the agent sees why no order is shown, and can link the chat to an
 * order by hand once the customer has convinced them (the action is audited and shown in the thread).
 */
export function VerifyChatPanel({ ticketId }: { ticketId: string }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [orderNumber, setOrderNumber] = useState("");
  const verify = useMutation({
    mutationFn: (bigcommerceOrderId: number) => apiFetch(`/api/v1/tickets/${ticketId}/verify-chat`, { body: { bigcommerceOrderId } }),
    onSuccess: () => {
      setOrderNumber("");
      void queryClient.invalidateQueries({ queryKey: inboxKeys.context(ticketId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.detail(ticketId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = Number(orderNumber.trim().replace(/^#/, ""));
    if (Number.isSafeInteger(id) && id > 0) verify.mutate(id);
  };
  return (
    <div data-testid="unverified-chat" className="space-y-2 text-xs text-slate-700">
      <p className="rounded bg-orange-50 px-2 py-1.5 text-orange-900">
        <span className="font-semibold">Unverified Telegram chat.</span> It has not proved it belongs to a customer, so no order data is shown here or sent to it. Ask
        for the order number with its billing email or postcode, or send the customer the order&apos;s chat link.
      </p>
      <form onSubmit={submit} className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={inputId} className={labelClass}>
            Order number
          </label>
          <input id={inputId} inputMode="numeric" value={orderNumber} onChange={(event) => setOrderNumber(event.target.value)} className={fieldClass} placeholder="e.g. 1024" />
        </div>
        <Button type="submit" size="sm" disabled={verify.isPending || !/^#?\d{1,10}$/.test(orderNumber.trim())}>
          Verify and link
        </Button>
      </form>
      {verify.error && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-800">
          {verify.error.message}
        </p>
      )}
    </div>
  );
}
