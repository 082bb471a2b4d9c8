"use client";

import { useImperativeHandle, useRef, type ReactNode, type Ref } from "react";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { MoonIcon, PackageIcon } from "@/components/ui/icons.tsx";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { useNow } from "@/components/ui/use-now.ts";
import { Composer, type ComposerHandle, type ComposerMode } from "./composer.tsx";
import { OrderSidebar } from "./order-sidebar.tsx";
import { BackButton, PaneBar, PaneButton } from "./pane-bar.tsx";
import type { InboxPane } from "./pane-history.ts";
import { TicketHeader } from "./ticket-header.tsx";
import { Thread } from "./thread.tsx";
import { usePresence } from "./use-presence.ts";
import { useTicketAction } from "./use-ticket-actions.ts";
import { useTicketContext, useTicketDetail } from "./use-ticket-detail.ts";

export type TicketCommands = { focusComposer: (mode: ComposerMode) => void; claim: () => void };

type Props = {
  ref?: Ref<TicketCommands>;
  ticketId: string;
  userId: string;
  onOpenTicket: (id: string) => void;
  /** Below the desktop width the ticket and the order take turns: which one is on show. */
  pane: Exclude<InboxPane, "queue">;
  onPane: (pane: InboxPane) => void;
};

/** A ticket that is not there (yet): a phone still needs its way back to the queue. */
function Placeholder({ onPane, children }: { onPane: Props["onPane"]; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-1 flex-col">
      <PaneBar className="md:hidden">
        <BackButton label="Back to queue" onClick={() => onPane("queue")} />
      </PaneBar>
      {children}
    </div>
  );
}

/** The open ticket: header with actions and presence, thread, composer, and the order sidebar. */
export function TicketView({ ref, ticketId, userId, onOpenTicket, pane, onPane }: Props) {
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
      <Placeholder onPane={onPane}>
        <div className="flex flex-1 items-center justify-center text-[13px] text-slate-500" aria-busy="true">
          Loading the ticket…
        </div>
      </Placeholder>
    );
  }
  if (detail.error) {
    return (
      <Placeholder onPane={onPane}>
        <div role="alert" className="flex flex-1 items-center justify-center text-[13px] text-red-700">
          {detail.error.message}
        </div>
      </Placeholder>
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
      <section aria-label={`Ticket #${ticket.number}`} className={cx("flex min-w-0 flex-1 flex-col bg-slate-50", pane === "order" && "max-lg:hidden")}>
        <PaneBar className="lg:hidden">
          <BackButton label="Back to queue" onClick={() => onPane("queue")} className="md:hidden" />
          <PaneButton onClick={() => onPane("order")} className="ml-auto">
            <PackageIcon size={16} /> Order
          </PaneButton>
        </PaneBar>
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
      {/* Beside the ticket on a desktop; below that, in the ticket's place with a way back. */}
      <div className={cx("flex min-h-0 flex-col", pane === "order" ? "max-lg:min-w-0 max-lg:flex-1" : "max-lg:hidden")}>
        <PaneBar className="lg:hidden">
          <BackButton label="Back to ticket" onClick={() => onPane("ticket")} />
          <span className="min-w-0 truncate text-[13px] text-slate-600">
            <span className="font-mono">#{ticket.number}</span> {ticket.subject}
          </span>
        </PaneBar>
        <OrderSidebar
          className="min-h-0 flex-1 max-lg:w-full max-lg:border-l-0"
          ticketId={ticket.id}
          onOpenTicket={onOpenTicket}
          onInsertArticle={(text) => {
            composer.current?.insert(text);
            if (pane === "order") onPane("ticket");
          }}
        />
      </div>
    </>
  );
}
