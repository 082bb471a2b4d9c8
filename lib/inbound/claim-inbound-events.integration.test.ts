import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import type { InboundSource } from "@/lib/generated/prisma/enums.ts";
import { createStore } from "@/lib/testing/factories.ts";
import { claimInboundEvents } from "./claim-inbound-events.ts";
import { recordInboundEvent } from "./record-inbound-event.ts";

async function record(storeId: string, source: InboundSource, receivedAt: Date) {
  const { id } = await recordInboundEvent(db(), { storeId, source, dedupeKey: `claim:${randomUUID()}`, kind: source === "TELEGRAM" ? "message" : "store/order/updated", payload: {} });
  await db().inboundEvent.update({ where: { id }, data: { receivedAt, nextAttemptAt: receivedAt } });
  return id;
}

describe("claimInboundEvents", () => {
  it("takes a customer's Telegram update before an older backlog of store webhooks, then the oldest store events", async () => {
    const store = await createStore();
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const backlog = [await record(store.id, "BIGCOMMERCE", minutesAgo(30)), await record(store.id, "BIGCOMMERCE", minutesAgo(20)), await record(store.id, "BIGCOMMERCE", minutesAgo(10))];
    const chat = await record(store.id, "TELEGRAM", minutesAgo(1));

    const first = await claimInboundEvents(db(), { workerId: "a", limit: 2, leaseMs: 60_000, storeId: store.id });
    expect(first.map((event) => event.id)).toEqual([chat, backlog[0]]);
    const rest = await claimInboundEvents(db(), { workerId: "b", limit: 10, leaseMs: 60_000, storeId: store.id });
    expect(rest.map((event) => event.id)).toEqual([backlog[1], backlog[2]]);
    expect(await claimInboundEvents(db(), { workerId: "c", limit: 10, leaseMs: 60_000, storeId: store.id })).toEqual([]);
  });

  it("leaves store events alone when Telegram updates fill the claim", async () => {
    const store = await createStore();
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const order = await record(store.id, "BIGCOMMERCE", minutesAgo(30));
    const chats = [await record(store.id, "TELEGRAM", minutesAgo(2)), await record(store.id, "TELEGRAM", minutesAgo(1))];

    const claimed = await claimInboundEvents(db(), { workerId: "a", limit: 2, leaseMs: 60_000, storeId: store.id });
    expect(claimed.map((event) => event.id)).toEqual(chats);
    expect(await db().inboundEvent.findUniqueOrThrow({ where: { id: order }, select: { status: true, attempts: true, lockedBy: true } })).toEqual({ status: "PENDING", attempts: 0, lockedBy: null });
    expect((await claimInboundEvents(db(), { workerId: "b", limit: 2, leaseMs: 60_000, storeId: store.id })).map((event) => event.id)).toEqual([order]);
  });
});
