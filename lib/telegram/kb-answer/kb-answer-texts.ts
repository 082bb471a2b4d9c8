import type { InlineKeyboardMarkup } from "telegraf/types";
import { kbCallbackData } from "./kb-offer-callback.ts";

/** How much of an article the offer quotes: enough to answer, short enough to read in a chat. */
export const OFFER_BODY_LIMIT = 1_500;

function excerpt(body: string): string {
  const text = body.trim();
  if (text.length <= OFFER_BODY_LIMIT) return text;
  const cut = text.slice(0, OFFER_BODY_LIMIT);
  const space = cut.lastIndexOf(" ");
  return `${(space > OFFER_BODY_LIMIT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The offer as the customer reads it: plain text (no parse_mode, so nothing in an article can
 * inject markup), the article's title and its text, then the question the buttons answer.
 * The sender splits it if it is longer than Telegram allows; the buttons ride on the last part.
 */
export function kbOfferText(article: { title: string; body: string }): string {
  return `This article may answer your question:\n\n📄 ${article.title.trim()}\n\n${excerpt(article.body)}\n\nDid this answer your question?`;
}

export function kbOfferKeyboard(offerId: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: "✅ Yes, thanks", callback_data: kbCallbackData("yes", offerId) },
        { text: "💬 No, talk to a person", callback_data: kbCallbackData("no", offerId) },
      ],
    ],
  };
}

export const kbReplies = {
  resolved: (ticketNumber: number) => `Glad that helped! I've closed request #${ticketNumber}. If you need anything else, just write here.`,
  handedOver: (ticketNumber: number) => `Thanks for telling me. Request #${ticketNumber} is with our team now: a person will reply here.`,
  toastResolved: () => "Glad it helped!",
  toastHandedOver: () => "A person will reply here",
  toastAgentOnIt: () => "Thanks! A person is already looking at your request.",
  toastAlreadyAnswered: () => "Thanks, you already answered this.",
  toastNotOpen: () => "This question is no longer open.",
};
