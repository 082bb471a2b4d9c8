"use client";

import { useImperativeHandle, useRef, type Ref } from "react";
import { Button } from "@/components/ui/button.tsx";
import { MoonIcon } from "@/components/ui/icons.tsx";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { useNow } from "@/components/ui/use-now.ts";
import { Composer, type ComposerHandle, type ComposerMode } from "./composer.tsx";
import { OrderSidebar } from "./order-sidebar.tsx";
import { TicketHeader } from "./ticket-header.tsx";
import { Thread } from "./thread.tsx";
import { usePresence } from "./use-presence.ts";
import { useTicketAction } from "./use-ticket-actions.ts";
import { useTicketContext, useTicketDetail } from "./use-ticket-detail.ts";

export type TicketCommands = { focusComposer: (mode: ComposerMode) => void; claim: () => void };

type Props = { ref?: Ref<TicketCommands>; ticketId: string; userId: string; onOpenTicket: (id: string) => void };

/** The open ticket: header with actions and presence, thread, composer, and the order sidebar. */
export function TicketView({ ref, ticketId, userId, onOpenTicket }: Props) {
  const detail = useTicketDetail(ticketId);
  const context = useTicketContext(ticketId);
  const action = useTicketAction(ticketId, userId);
  const { others, setTyping } = usePresence(ticketId, userId);
  const composer = useRef<ComposerHandle>(null);
  const now = useNow();

  useImperativeHandle(ref, () => ({
    focusComposer: (mode) => composer.current?.focus(mode),
    claim: () => {
      if (detail.data && !detail.data.ticket.assignee) action.mutate({ type: "claim" });
    },
  }));

  if (detail.isPending) {
    return (
      <div className="flex flex-1 items-center justify-center text-[13px] text-slate-500" aria-busy="true">
        Loading the ticket…
      </div>
    );
  }
  if (detail.error) {
    return (
      <div role="alert" className="flex flex-1 items-center justify-center text-[13px] text-red-700">
        {detail.error.message}
      </div>
    );
  }

  const { ticket, messages } = detail.data;
  const customerName = ticket.customer?.name ?? ticket.customer?.email ?? "the customer";
  const snoozed = ticket.snoozedUntil && now !== 0 && Date.parse(ticket.snoozedUntil) > now ? ticket.snoozedUntil : null;
  const telegram = context.data?.customer?.telegram;
  const deliveryNote = !context.data
    ? null
    : !telegram
      ? "No verified Telegram chat of this customer can receive this ticket: the reply is kept in the thread but not delivered."
      : telegram.blocked
        ? "The customer blocked the bot: replies are held until they unblock it."
        : !telegram.verified
          ? "This Telegram chat is unverified: do not share order or account details until it is verified."
          : null;
  const disabledReason = ticket.mergedIntoId ? "This ticket was merged into another one." : ticket.status === "CLOSED" ? "This ticket is closed." : null;

  return (
    <>
      <section aria-label={`Ticket #${ticket.number}`} className="flex min-w-0 flex-1 flex-col bg-slate-50">
        <TicketHeader ticket={ticket} userId={userId} others={others} context={context.data} act={(next) => action.mutate(next)} pending={action.isPending} />
        {ticket.mergedIntoId && (
          <div role="status" className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-5 py-2 text-[13px] text-sky-900">
            This ticket was merged; its conversation continues in another ticket.
            <Button size="xs" onClick={() => onOpenTicket(ticket.mergedIntoId!)}>
              Open it
            </Button>
          </div>
        )}
        {snoozed && (
          <div role="status" className="flex items-center gap-2 border-b border-indigo-200 bg-indigo-50 px-5 py-2 text-[13px] text-indigo-900">
            <MoonIcon size={14} /> Snoozed until <RelativeTime iso={snoozed} className="font-medium" />: hidden from the open views until then.
            <Button size="xs" className="ml-auto" onClick={() => action.mutate({ type: "snooze", until: null })}>
              Wake up now
            </Button>
          </div>
        )}
        <Thread messages={messages} customerName={customerName} />
        <Composer ref={composer} ticketId={ticket.id} userId={userId} thread={messages} customerName={customerName} disabledReason={disabledReason} deliveryNote={deliveryNote} onTyping={setTyping} />
      </section>
      <OrderSidebar ticketId={ticket.id} onOpenTicket={onOpenTicket} onInsertArticle={(text) => composer.current?.insert(text)} />
    </>
  );
}
