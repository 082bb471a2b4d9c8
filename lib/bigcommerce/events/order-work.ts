import type { RoutingSettingsValues } from "@/lib/routing/load-routing-settings.ts";
import { ORDER_STATUS_NAMES } from "../bigcommerce-types.ts";
import type { OrderBundle } from "./order-bundle.ts";

type WatchSettings = Pick<RoutingSettingsValues, "watchOrderTickets" | "workOrderStatusIds">;

/** An order status the supervisor counts as needing a person (a failed payment, a dispute …), said as the thread says it. */
export function statusNeedingPerson(settings: WatchSettings, statusId: number): string | null {
  return settings.workOrderStatusIds.includes(statusId) ? `the order is ${ORDER_STATUS_NAMES[statusId] ?? `in status ${statusId}`}` : null;
}

/**
 * How a new order's ticket starts (lib/ticket-lifecycle/work.ts): undefined when the store does not
 * watch order tickets (work from the start, as every ticket), otherwise watched, with why it needs
 * a person at once if something already asks for one: the buyer's checkout comment, or an order
 * status the supervisor counts as work. Assignment rules that make work are applied by routing.
 */
export function newOrderTicketWatch(settings: WatchSettings, bundle: OrderBundle): { needsPerson: string | null } | undefined {
  if (!settings.watchOrderTickets) return undefined;
  if (bundle.order.customer_message?.trim()) return { needsPerson: "the customer wrote at checkout" };
  return { needsPerson: statusNeedingPerson(settings, bundle.order.status_id) };
}
