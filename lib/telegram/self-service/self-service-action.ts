import { isOrderNumber } from "../intake-state.ts";
import { MAX_QUANTITY } from "./self-service-state.ts";

/** What a self-service button asks for. Callback data comes from the client and can be forged: it is parsed, never trusted. */
export type SelfServiceAction =
  | { kind: "menu"; item: "search" | "cart" | "address" | "phone" }
  | { kind: "add"; productId: number; variantId: number }
  | { kind: "quantity"; quantity: number }
  | { kind: "checkout" }
  | { kind: "clear" }
  | { kind: "addressOrder"; orderId: number }
  | { kind: "confirmAddress" }
  | { kind: "confirmPhone" }
  | { kind: "cancel" };

const FIXED: Record<string, SelfServiceAction> = {
  "ss:m:search": { kind: "menu", item: "search" },
  "ss:m:cart": { kind: "menu", item: "cart" },
  "ss:m:address": { kind: "menu", item: "address" },
  "ss:m:phone": { kind: "menu", item: "phone" },
  "ss:checkout": { kind: "checkout" },
  "ss:clear": { kind: "clear" },
  "ss:ac": { kind: "confirmAddress" },
  "ss:pc": { kind: "confirmPhone" },
  "ss:x": { kind: "cancel" },
};

/** "ss:…" callback data → an action; anything else (or out of range) → null. */
export function parseSelfServiceAction(data: string): SelfServiceAction | null {
  if (data.length > 64) return null;
  const fixed = FIXED[data];
  if (fixed) return fixed;
  const add = /^ss:add:(\d{1,10}):(\d{1,10})$/.exec(data);
  if (add) {
    const productId = Number(add[1]);
    const variantId = Number(add[2]);
    return isOrderNumber(productId) && isOrderNumber(variantId) ? { kind: "add", productId, variantId } : null;
  }
  const quantity = /^ss:q:(\d{1,2})$/.exec(data);
  if (quantity) {
    const value = Number(quantity[1]);
    return value >= 1 && value <= MAX_QUANTITY ? { kind: "quantity", quantity: value } : null;
  }
  const order = /^ss:ao:(\d{1,10})$/.exec(data);
  if (order) {
    const orderId = Number(order[1]);
    return isOrderNumber(orderId) ? { kind: "addressOrder", orderId } : null;
  }
  return null;
}
