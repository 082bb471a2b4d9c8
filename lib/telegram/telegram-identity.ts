import type { User } from "telegraf/types";
import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { parseIntakeState, type IntakeState } from "./intake-state.ts";

export type TelegramIdentity = {
  id: string;
  chatId: string;
  blockedAt: Date | null;
  /** Set once the chat proved it is the customer's; until then it sees and shows no order data. */
  verifiedAt: Date | null;
  intake: IntakeState | null;
  customer: { id: string; email: string | null; name: string | null; bigcommerceCustomerId: number | null };
};

const identitySelect = {
  id: true,
  externalId: true,
  blockedAt: true,
  verifiedAt: true,
  intakeState: true,
  customer: { select: { id: true, email: true, name: true, bigcommerceCustomerId: true } },
} as const;

type IdentityRow = Prisma.ChannelIdentityGetPayload<{ select: typeof identitySelect }>;

function toIdentity(row: IdentityRow): TelegramIdentity {
  return { id: row.id, chatId: row.externalId, blockedAt: row.blockedAt, verifiedAt: row.verifiedAt, intake: parseIntakeState(row.intakeState), customer: row.customer };
}

/** Serialises everything Tern does for one chat across instances, for the rest of the transaction. */
export async function lockChatInTx(tx: Tx, storeId: string, chatId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tg-chat:${storeId}:${chatId}`}, 0))`;
}

export async function findTelegramIdentity(tx: Tx, storeId: string, chatId: string): Promise<TelegramIdentity | null> {
  const row = await tx.channelIdentity.findUnique({
    where: { storeId_channel_externalId: { storeId, channel: "TELEGRAM", externalId: chatId } },
    select: identitySelect,
  });
  return row ? toIdentity(row) : null;
}

function displayName(user: User | undefined): string | null {
  if (!user) return null;
  return [user.first_name, user.last_name].filter(Boolean).join(" ").trim() || user.username || null;
}

/**
 * The chat's identity, created at first contact with a customer record of its own (named after the
 * Telegram profile). Intake later links it to the store's customer. Call with the chat locked.
 */
export async function ensureTelegramIdentityInTx(tx: Tx, storeId: string, chatId: string, from: User | undefined): Promise<TelegramIdentity> {
  const existing = await findTelegramIdentity(tx, storeId, chatId);
  const name = displayName(from);
  if (existing) {
    const username = from?.username ?? null;
    if (from && (username || name)) {
      await tx.channelIdentity.update({ where: { id: existing.id }, data: { username, displayName: name }, select: { id: true } });
    }
    return existing;
  }
  const customer = await tx.customer.create({ data: { storeId, name }, select: { id: true } });
  const row = await tx.channelIdentity.create({
    data: { storeId, customerId: customer.id, channel: "TELEGRAM", externalId: chatId, username: from?.username ?? null, displayName: name },
    select: identitySelect,
  });
  return toIdentity(row);
}

/** Verified: the chat proved it is the customer's (a signed link, order + billing details, or an agent). */
export function isVerified(identity: TelegramIdentity): boolean {
  return identity.verifiedAt !== null;
}

/** Whether messages skip the intake questions and go straight to a ticket. */
export function intakeDone(identity: TelegramIdentity): boolean {
  return identity.intake?.step === "done" || isVerified(identity);
}

export async function saveIntakeStateInTx(tx: Tx, identityId: string, state: IntakeState): Promise<void> {
  await tx.channelIdentity.update({ where: { id: identityId }, data: { intakeState: state as unknown as Prisma.InputJsonObject }, select: { id: true } });
}
