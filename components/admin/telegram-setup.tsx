"use client";

import { Button, Form, FormGroup, Input, Message, Panel, Text } from "@bigcommerce/big-design";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { TelegramBotStatus } from "@/lib/telegram/telegram-bot-status.ts";
import { ActionMessages } from "./action-messages.tsx";
import { ChatLinkPanel } from "./chat-link-panel.tsx";
import { FactsList } from "./facts-list.tsx";
import { useAdminAction } from "./use-admin-action.ts";

function BotStatus({ status }: { status: TelegramBotStatus }) {
  if (!status.connected) return <Text>No bot is connected yet. Customers reach the store through the bot you connect below.</Text>;
  const webhook = status.webhook;
  const webhookText =
    status.mode === "polling"
      ? "Polling mode: Tern fetches updates itself"
      : webhook
        ? webhook.url === webhook.expectedUrl
          ? `Set to Tern (${webhook.pendingUpdateCount} update(s) waiting)`
          : `Points elsewhere (${webhook.url || "not set"}): connect the bot again`
        : "unknown";
  return (
    <>
      {status.error ? <Message type="error" marginBottom="medium" messages={[{ text: status.error }]} /> : null}
      <FactsList
        facts={[
          ["Bot", status.bot ? `@${status.bot.username ?? status.bot.id} (${status.bot.name})` : "—"],
          ["Webhook", webhookText],
          ["Last Telegram error", webhook?.lastErrorMessage ? `${webhook.lastErrorMessage} (${new Date(webhook.lastErrorAt ?? 0).toLocaleString()})` : "none"],
          ["Staff supergroup", status.staffChatId ?? "not set: tickets are not mirrored into forum topics"],
        ]}
      />
    </>
  );
}

/** Connect the store's Telegram bot: the token from @BotFather, optionally the staff forum supergroup. */
export function TelegramSetup({ status, chatLinkSnippet }: { status: TelegramBotStatus; chatLinkSnippet: string }) {
  const action = useAdminAction();
  const [token, setToken] = useState("");
  const [staffChatId, setStaffChatId] = useState(status.staffChatId ?? "");

  async function connect(event: FormEvent) {
    event.preventDefault();
    const connected = await action.run(
      () => apiFetch<{ bot: TelegramBotStatus }>("/api/v1/telegram/bot", { method: "PUT", body: { token, staffChatId: staffChatId.trim() || null } }),
      "The bot is connected: Telegram now delivers its messages to Tern.",
    );
    if (connected) setToken("");
  }

  return (
    <>
      <ActionMessages state={action} onClose={action.clear} />
      <Panel header="Telegram bot" badge={status.connected ? { label: "connected", variant: "success" } : { label: "not connected", variant: "secondary" }} data-testid="telegram-status">
        <BotStatus status={status} />
      </Panel>
      {status.connected ? <ChatLinkPanel snippet={chatLinkSnippet} /> : null}
      <Panel header={status.connected ? "Replace the bot" : "Connect a bot"} description="Create a bot with @BotFather in Telegram, then paste its token here.">
        <Form onSubmit={connect} fullWidth>
          <FormGroup>
            <Input
              label="Bot token"
              description="Stored encrypted; Tern never shows it again."
              type="password"
              autoComplete="off"
              required
              value={token}
              onChange={(event) => setToken(event.target.value)}
            />
          </FormGroup>
          <FormGroup>
            <Input
              label="Staff supergroup id (optional)"
              description="A forum supergroup where the bot is an admin that may manage topics: each ticket gets a topic, and agents can answer from there."
              placeholder="-1001234567890"
              value={staffChatId}
              onChange={(event) => setStaffChatId(event.target.value)}
            />
          </FormGroup>
          <Button type="submit" isLoading={action.pending}>
            {status.connected ? "Replace bot" : "Connect bot"}
          </Button>
          {status.connected ? (
            <Button
              type="button"
              variant="subtle"
              actionType="destructive"
              marginLeft="small"
              disabled={action.pending}
              onClick={() => action.run(() => apiFetch("/api/v1/telegram/bot", { method: "DELETE" }), "The bot is disconnected.")}
            >
              Disconnect
            </Button>
          ) : null}
        </Form>
      </Panel>
    </>
  );
}
