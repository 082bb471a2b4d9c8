import type { Context, Telegraf } from "telegraf";
import { recordCsatResponse } from "./csat/record-csat-response.ts";
import { handleChatMemberUpdate } from "./handle-chat-member.ts";
import { handleEditedMessage } from "./handle-edited-message.ts";
import { handleIntakeCallback } from "./handle-intake-callback.ts";
import { handlePrivateMessage } from "./handle-private-message.ts";
import { handleStaffMessage } from "./handle-staff-message.ts";
import { handleStartCommand } from "./handle-start-command.ts";
import { handleStatusCommand } from "./handle-status-command.ts";
import { isIntakeReason } from "./intake-state.ts";
import { answerKbOffer } from "./kb-answer/answer-kb-offer.ts";
import { KB_CALLBACK_PATTERN } from "./kb-answer/kb-offer-callback.ts";
import { handleSelfServiceCallback, handleSelfServiceCommand, showMenuIfVerified, type SelfServiceCommand } from "./self-service/handle-self-service.ts";
import { settingsOf } from "./update-settings.ts";

/** Button toasts and edits are cosmetic, and a late answer fails harmlessly: never let one fail the update. */
async function quietly(call: Promise<unknown>): Promise<void> {
  await call.catch(() => undefined);
}

/**
 * Telegraf's routing for every update Tern handles. The staff forum goes to the topic handler;
 * other groups are ignored; private chats get the intake flow, commands, buttons, edits and
 * block/unblock. Domain work happens in the handle* functions (their own transactions); the
 * direct Bot API calls here (button answers, edits) run after those committed.
 */
export function registerUpdateHandlers(bot: Telegraf<Context>): void {
  bot.use(async (ctx, next) => {
    const settings = settingsOf(ctx.update);
    const chat = ctx.chat;
    if (chat && settings.staffChatId && String(chat.id) === settings.staffChatId) {
      if (ctx.message) await handleStaffMessage({ settings, message: ctx.message });
      else if (ctx.callbackQuery) await quietly(ctx.answerCbQuery());
      return;
    }
    if (chat && chat.type !== "private") return;
    await next();
  });

  bot.on("my_chat_member", (ctx) => handleChatMemberUpdate({ settings: settingsOf(ctx.update), update: ctx.myChatMember }));
  bot.start((ctx) => handleStartCommand({ settings: settingsOf(ctx.update), message: ctx.message, payload: ctx.payload }));
  bot.help(async (ctx) => {
    const settings = settingsOf(ctx.update);
    if (!(await showMenuIfVerified(settings, String(ctx.message.chat.id)))) await handleStartCommand({ settings, message: ctx.message });
  });
  bot.command("status", (ctx) => handleStatusCommand({ settings: settingsOf(ctx.update), message: ctx.message, args: ctx.payload }));
  const selfService: Array<[string, SelfServiceCommand]> = [
    ["menu", "menu"],
    ["products", "products"],
    ["cart", "cart"],
    ["order", "cart"],
    ["address", "address"],
    ["phone", "phone"],
    ["cancel", "cancel"],
  ];
  for (const [name, command] of selfService) {
    bot.command(name, (ctx) => handleSelfServiceCommand({ settings: settingsOf(ctx.update), message: ctx.message, command, args: ctx.payload }));
  }

  bot.action(/^intake:reason:(\w+)$/, async (ctx) => {
    const reason = ctx.match[1];
    if (!isIntakeReason(reason)) return quietly(ctx.answerCbQuery());
    const toast = await handleIntakeCallback({ settings: settingsOf(ctx.update), query: ctx.callbackQuery, action: { kind: "reason", reason } });
    await quietly(ctx.answerCbQuery(toast));
  });
  bot.action("intake:skip", async (ctx) => {
    const toast = await handleIntakeCallback({ settings: settingsOf(ctx.update), query: ctx.callbackQuery, action: { kind: "skip" } });
    await quietly(ctx.answerCbQuery(toast));
  });
  bot.action(/^csat:([0-9a-f-]{36}):(\d)$/, async (ctx) => {
    const settings = settingsOf(ctx.update);
    const chatId = String(ctx.chat?.id ?? ctx.from.id);
    const answer = await recordCsatResponse({ storeId: settings.storeId, chatId, ticketId: ctx.match[1]!, score: Number(ctx.match[2]) });
    await quietly(ctx.answerCbQuery(answer.text));
    if (answer.recorded) await quietly(ctx.editMessageText(answer.text));
  });
  bot.action(KB_CALLBACK_PATTERN, async (ctx) => {
    const settings = settingsOf(ctx.update);
    const chatId = String(ctx.chat?.id ?? ctx.from.id);
    const toast = await answerKbOffer({ storeId: settings.storeId, chatId, data: ctx.match[0] });
    await quietly(ctx.answerCbQuery(toast));
  });
  bot.action(/^ss:/, async (ctx) => {
    const data = "data" in ctx.callbackQuery ? ctx.callbackQuery.data : "";
    const chatId = String(ctx.chat?.id ?? ctx.from.id);
    const toast = await handleSelfServiceCallback({ settings: settingsOf(ctx.update), chatId, data });
    await quietly(ctx.answerCbQuery(toast || undefined));
  });
  // Any other button (an old keyboard): stop the client's spinner.
  bot.on("callback_query", (ctx) => quietly(ctx.answerCbQuery()));

  bot.on("edited_message", (ctx) => handleEditedMessage({ settings: settingsOf(ctx.update), message: ctx.editedMessage }));
  bot.on("message", (ctx) => handlePrivateMessage({ settings: settingsOf(ctx.update), message: ctx.message }));
}
