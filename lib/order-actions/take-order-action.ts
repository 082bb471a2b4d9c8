import type { ApiActor } from "@/lib/auth/authenticate-request.ts";
import type { Db } from "@/lib/db/client.ts";
import type { OrderActionBody } from "@/lib/validations/order-actions.ts";
import { cancelOrder } from "./cancel-order.ts";
import type { OrderActionDto } from "./order-action-dto.ts";
import { requestRefund } from "./request-refund.ts";
import { resendTracking } from "./resend-tracking.ts";

/** One entry point for the ticket's order actions; each kind checks its own permission. */
export function takeOrderAction(db: Db, input: { actor: ApiActor; ticketId: string; body: OrderActionBody }): Promise<OrderActionDto> {
  const { actor, ticketId, body } = input;
  switch (body.kind) {
    case "REFUND":
      return requestRefund(db, { actor, ticketId, items: body.items, amount: body.amount, reason: body.reason });
    case "CANCEL":
      return cancelOrder(db, { actor, ticketId, reason: body.reason });
    case "RESEND_TRACKING":
      return resendTracking(db, { actor, ticketId, shipmentId: body.shipmentId });
  }
}
