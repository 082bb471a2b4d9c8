import type { InlineKeyboardMarkup } from "telegraf/types";
import type { IntakeReason } from "./intake-state.ts";

/** Everything the bot says on its own, in one place: plain text (no parse_mode), so nothing a customer typed can inject markup. */

export const REASON_LABELS: Record<IntakeReason, string> = {
  where: "📦 Where is my order?",
  return: "↩️ Return an item",
  refund: "💶 Refund",
  other: "💬 Something else",
};

/** Ticket subjects and tags per reason (the tag is what routing rules match as the issue type). */
export const REASON_SUBJECTS: Record<IntakeReason, string> = {
  where: "Where is my order?",
  return: "Return request",
  refund: "Refund request",
  other: "Question",
};

const REASON_PROMPTS: Record<IntakeReason, string> = {
  where: "Let's find your order.",
  return: "Let's set up your return.",
  refund: "Let's look at your refund.",
  other: "Happy to help.",
};

export const REASON_TAGS: Record<IntakeReason, string> = { where: "shipping", return: "return", refund: "refund", other: "other" };

export function reasonKeyboard(): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: REASON_LABELS.where, callback_data: "intake:reason:where" },
        { text: REASON_LABELS.return, callback_data: "intake:reason:return" },
      ],
      [
        { text: REASON_LABELS.refund, callback_data: "intake:reason:refund" },
        { text: REASON_LABELS.other, callback_data: "intake:reason:other" },
      ],
    ],
  };
}

export function skipKeyboard(): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: "Continue without an order", callback_data: "intake:skip" }]] };
}

export function csatKeyboard(ticketId: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [1, 2, 3, 4, 5].map((score) => ({ text: `${score} ⭐`, callback_data: `csat:${ticketId}:${score}` })),
    ],
  };
}

export const replies = {
  greeting: (storeName: string, firstName: string | undefined) =>
    `Hi${firstName ? ` ${firstName}` : ""}! This is ${storeName} support. What can we help you with?\n\n` +
    "Tap a topic below, or send your order number together with the order's billing email (or billing postcode).",
  welcomeBack: (firstName: string | undefined, ticketNumber: number | null) =>
    ticketNumber
      ? `Welcome back${firstName ? `, ${firstName}` : ""}! Your request #${ticketNumber} is open: write here and an agent will reply.`
      : `Welcome back${firstName ? `, ${firstName}` : ""}! Write your question here and an agent will reply. You can check an order any time with /status <order number>.`,
  askIdentifier: (reason: IntakeReason | undefined) =>
    `${reason ? `${REASON_PROMPTS[reason]} ` : ""}Please send your order number (for example 1024) together with the order's billing email or billing postcode.`,
  remindIdentifier: () =>
    "I'll pass your message on. To look at your order I need its number and the billing email (or postcode) it was placed with. " +
    "If you don't have them, tap below and we'll take it from here.",
  // The same words whether or not such an order exists: the bot is no oracle for order numbers.
  askBillingDetail: (ticketNumber: number | null) =>
    "Thanks. To keep orders private, please also send the billing email address (or billing postcode) of that order." +
    (ticketNumber ? ` Meanwhile your request #${ticketNumber} is open: a person will reply here.` : ""),
  askOrderNumber: (ticketNumber: number | null) =>
    "Thanks. Please also send the order number, so I can check the two together." +
    (ticketNumber ? ` Meanwhile your request #${ticketNumber} is open: a person will reply here.` : ""),
  proofRefused: (ticketNumber: number | null) =>
    "Those details don't match an order I can look at. Check the order number and its billing email or postcode and try again, " +
    `or just write your question${ticketNumber ? `: your request #${ticketNumber} is open and a person will reply here.` : "."}`,
  proofLimited: (ticketNumber: number | null) =>
    `Too many tries for now, so I can't check order details. Just write your question${ticketNumber ? `: your request #${ticketNumber} is open and a person will reply here.` : "."}`,
  verified: (orderId: number, ticketNumber: number) => `Thanks, that matches: you're verified for order #${orderId}, and request #${ticketNumber} now has its details. An agent will reply here.`,
  linkVerified: (firstName: string | undefined, orderId: number | null, ticketNumber: number | null) =>
    `Hi${firstName ? ` ${firstName}` : ""}! You're connected${orderId ? ` to order #${orderId}` : ""}. ` +
    (ticketNumber ? `Your request #${ticketNumber} is open: write here and an agent will reply.` : "Write your question here and an agent will reply."),
  linkNotValid: () =>
    "This link has expired or was already used in another chat. Send your order number together with its billing email (or postcode), or just write your question.",
  lookupUnavailable: () => "I can't check order details right now. Just write your question: an agent will help you here.",
  ticketOpened: (ticketNumber: number, orderId: number | null) =>
    orderId
      ? `Thanks! I found order #${orderId} and opened request #${ticketNumber}. An agent will reply here; you can keep writing meanwhile.`
      : `Thanks! I opened request #${ticketNumber}. An agent will reply here; you can keep writing meanwhile.`,
  alreadyOpen: (ticketNumber: number) => `Your request #${ticketNumber} is open: just write here and an agent will reply.`,
  statusNeedsIdentity: () => "First send your order number together with its billing email (or postcode), so I know the orders are yours.",
  statusNotYours: (orderId: number) => `I can only share the status of orders placed with your details. Order #${orderId} isn't one of them.`,
  statusNoOrders: () => "I couldn't find any orders for you yet.",
  statusUsage: () => "Send /status followed by your order number, for example /status 1024.",
  csatQuestion: (ticketNumber: number) => `Your request #${ticketNumber} was resolved. How did we do? Tap 1 (poor) to 5 (excellent) stars.`,
  csatThanks: (score: number) => `Thanks for rating us ${score}/5!`,
  csatClosed: () => "Thanks, but this rating is no longer open.",
  staffUnknown: () => "I don't know who you are in Tern yet: in Tern, open Settings → Telegram, then send /iam <the code it shows> in this group, and write again.",
  staffUseCode: () => "Send the one-time code from Tern instead (Settings → Telegram): /iam <code>. An email alone proves nothing.",
  staffBadCode: () => "That code is not valid: it may have expired (codes last 10 minutes) or been used. Get a new one in Tern (Settings → Telegram).",
  staffLinked: (name: string) => `Linked: your messages in ticket topics now go to customers as ${name}.`,
  staffTicketClosed: (ticketNumber: number) => `Request #${ticketNumber} is closed: the customer will not receive this.`,
};

export type OrderStatusView = {
  orderId: number;
  status: string;
  dateShipped: string | null;
  shipments: Array<{ carrier: string | null; trackingNumber: string | null; trackingUrl: string | null }>;
};

/** "/status" answer and the "where is my order" auto-answer: the store's data, nothing invented. */
export function orderStatusText(view: OrderStatusView): string {
  const lines = [`Order #${view.orderId}: ${view.status}.`];
  if (view.dateShipped) lines.push(`Shipped on ${view.dateShipped}.`);
  for (const shipment of view.shipments) {
    const carrier = shipment.carrier ? `${shipment.carrier.toUpperCase()} ` : "";
    if (shipment.trackingNumber) lines.push(`Tracking: ${carrier}${shipment.trackingNumber}${shipment.trackingUrl ? ` — ${shipment.trackingUrl}` : ""}`);
  }
  return lines.join("\n");
}
