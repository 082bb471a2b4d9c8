import { isUuid } from "@/lib/ids/is-uuid.ts";

/** The customer's answer to "Did this answer your question?". */
export type KbAnswer = "yes" | "no";

const CODES: Record<KbAnswer, string> = { yes: "y", no: "n" };

/** Telegraf's route for the two buttons; the data is re-read by parseKbCallback. */
export const KB_CALLBACK_PATTERN = /^kb:([yn]):([0-9a-f-]{36})$/;

/** "kb:y:<offer id>": 41 bytes, within Telegram's 64. Only the offer's id: everything else is looked up. */
export function kbCallbackData(answer: KbAnswer, offerId: string): string {
  return `kb:${CODES[answer]}:${offerId}`;
}

/**
 * Reads a button's data. It comes from the customer's client and may be forged: this only checks
 * its shape; whose offer it is, and whether it is still open, is checked against the store.
 */
export function parseKbCallback(data: string): { answer: KbAnswer; offerId: string } | null {
  const match = KB_CALLBACK_PATTERN.exec(data);
  if (!match || !isUuid(match[2]!)) return null;
  return { answer: match[1] === "y" ? "yes" : "no", offerId: match[2]! };
}
