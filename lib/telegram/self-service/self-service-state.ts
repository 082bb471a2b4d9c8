import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

/** A shipping address as the customer typed it, split into BigCommerce's fields. */
export const addressSchema = z.object({
  street_1: z.string().min(1).max(100),
  city: z.string().min(1).max(60),
  state: z.string().max(60),
  zip: z.string().min(1).max(20),
  country: z.string().min(2).max(60),
});
export type NewAddress = z.infer<typeof addressSchema>;

const orderId = z.number().int().positive().max(2_147_483_647);

/** The one question the bot is waiting to have answered in this chat. */
const promptSchema = z.discriminatedUnion("step", [
  z.object({ step: z.literal("search") }),
  z.object({ step: z.literal("quantity"), productId: z.number().int().positive(), variantId: z.number().int().positive() }),
  z.object({ step: z.literal("address"), orderId, addressId: z.number().int().positive() }),
  z.object({ step: z.literal("address_confirm"), orderId, addressId: z.number().int().positive(), address: addressSchema }),
  z.object({ step: z.literal("phone") }),
  z.object({ step: z.literal("phone_confirm"), phone: z.string().min(1).max(30) }),
]);
export type SelfServicePrompt = z.infer<typeof promptSchema>;

/** A product the bot showed this chat: only these can go in its cart (callback data names them, and is not trusted). */
const offerSchema = z.object({
  productId: z.number().int().positive(),
  variantId: z.number().int().positive(),
  name: z.string().max(250),
  sku: z.string().max(255),
  price: z.number().nonnegative(),
});
export type ProductOffer = z.infer<typeof offerSchema>;

export const MAX_QUANTITY = 99;
export const MAX_CART_LINES = 10;
/** The last search's products and variants; bounded by the search's result limit. */
export const MAX_OFFERS = 30;

const cartSchema = z.object({
  offers: z.array(offerSchema).max(MAX_OFFERS),
  lines: z.array(offerSchema.extend({ quantity: z.number().int().min(1).max(MAX_QUANTITY) })).max(MAX_CART_LINES),
});
export type SelfServiceCart = z.infer<typeof cartSchema>;
export type CartLine = SelfServiceCart["lines"][number];

export const EMPTY_CART: SelfServiceCart = { offers: [], lines: [] };

/** A question left unanswered this long is forgotten: the next message is an ordinary one. */
const PROMPT_TTL_MS = 15 * 60_000;
/** A cart being put together is kept a day. */
const CART_TTL_MS = 24 * 60 * 60_000;

type Slot = "prompt" | "cart";

async function readSlot(db: Db | Tx, chatIdentityId: string, slot: Slot, now: Date): Promise<unknown> {
  const row = await db.selfServiceStep.findUnique({ where: { chatIdentityId_slot: { chatIdentityId, slot } }, select: { data: true, expiresAt: true } });
  return row && row.expiresAt > now ? row.data : null;
}

async function writeSlot(tx: Tx, storeId: string, chatIdentityId: string, slot: Slot, data: object, ttlMs: number, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const json = data as Prisma.InputJsonObject;
  await tx.selfServiceStep.upsert({
    where: { chatIdentityId_slot: { chatIdentityId, slot } },
    create: { storeId, chatIdentityId, slot, data: json, expiresAt },
    update: { data: json, expiresAt },
    select: { id: true },
  });
}

/** The pending question, or null (none, expired, or unreadable: a malformed row is treated as none). */
export async function readPrompt(db: Db | Tx, chatIdentityId: string, now = new Date()): Promise<SelfServicePrompt | null> {
  const parsed = promptSchema.safeParse(await readSlot(db, chatIdentityId, "prompt", now));
  return parsed.success ? parsed.data : null;
}

export async function savePromptInTx(tx: Tx, storeId: string, chatIdentityId: string, prompt: SelfServicePrompt, now = new Date()): Promise<void> {
  await writeSlot(tx, storeId, chatIdentityId, "prompt", prompt, PROMPT_TTL_MS, now);
}

export async function clearPromptInTx(tx: Tx, chatIdentityId: string): Promise<void> {
  await tx.selfServiceStep.deleteMany({ where: { chatIdentityId, slot: "prompt" } });
}

/**
 * Removes the pending question and returns it, if it is still the one expected: a confirmation
 * acts once, however often its button is pressed.
 */
export async function takePromptInTx<S extends SelfServicePrompt["step"]>(tx: Tx, chatIdentityId: string, step: S, now = new Date()): Promise<Extract<SelfServicePrompt, { step: S }> | null> {
  const prompt = await readPrompt(tx, chatIdentityId, now);
  if (!prompt || prompt.step !== step) return null;
  await clearPromptInTx(tx, chatIdentityId);
  return prompt as Extract<SelfServicePrompt, { step: S }>;
}

export async function readCart(db: Db | Tx, chatIdentityId: string, now = new Date()): Promise<SelfServiceCart> {
  const parsed = cartSchema.safeParse(await readSlot(db, chatIdentityId, "cart", now));
  return parsed.success ? parsed.data : EMPTY_CART;
}

export async function saveCartInTx(tx: Tx, storeId: string, chatIdentityId: string, cart: SelfServiceCart, now = new Date()): Promise<void> {
  await writeSlot(tx, storeId, chatIdentityId, "cart", cart, CART_TTL_MS, now);
}

/** The cart with `quantity` more of the offer (capped at MAX_QUANTITY a line); null when the cart is full. */
export function addToCart(cart: SelfServiceCart, offer: ProductOffer, quantity: number): SelfServiceCart | null {
  const existing = cart.lines.find((line) => line.productId === offer.productId && line.variantId === offer.variantId);
  if (existing) {
    return { ...cart, lines: cart.lines.map((line) => (line === existing ? { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity + quantity) } : line)) };
  }
  if (cart.lines.length >= MAX_CART_LINES) return null;
  return { ...cart, lines: [...cart.lines, { ...offer, quantity }] };
}
