import { fork } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { startTestDispatcher } from "@/lib/testing/event-dispatcher.ts";
import { createCustomer, createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { startRealtimeHarness, type RealtimeHarness } from "@/lib/testing/realtime-harness.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { assignTicket } from "@/lib/tickets/assign-ticket.ts";

let realtime: RealtimeHarness;

beforeAll(async () => {
  realtime = await startRealtimeHarness();
});

afterAll(async () => {
  await realtime.close();
});

function csatQuestions(ticketId: string) {
  return db().message.count({ where: { ticketId, kind: "OUTBOUND", meta: { path: ["type"], equals: "csat" } } });
}

describe("a worker killed between commit and delivery", () => {
  it("loses neither the push nor the CSAT question: the next dispatcher delivers them", async () => {
    const store = await createStore();
    const customer = await createCustomer(store.id, { telegramChatId: "770001", telegramVerified: true });
    const { ticket } = await createTicket(store.id, { customerId: customer.id, source: "TELEGRAM" });
    const agent = await createUser(store.id);
    await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: agent.id, actorId: agent.id });
    // The setup's own events are not the point: only the resolution's are left to deliver.
    await db().domainEvent.deleteMany({ where: { storeId: store.id } });

    const worker = fork("lib/testing/resolve-then-die-worker.ts", {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, STORE_ID: store.id, TICKET_ID: ticket.id },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const claimed = await new Promise<string[]>((resolve, reject) => {
      worker.on("message", (message: { claimed?: string[] }) => {
        if (message.claimed) resolve(message.claimed);
      });
      worker.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it claimed anything`)));
    });
    const exited = once(worker, "exit");
    worker.kill("SIGKILL");
    await exited;

    // Committed and claimed, then the process died: nothing was delivered, nothing is lost.
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).status).toBe("RESOLVED");
    const left = await db().domainEvent.findMany({ where: { id: { in: claimed.map(BigInt) } }, select: { type: true } });
    expect(left.map((event) => event.type)).toContain("ticket.resolved");
    expect(await csatQuestions(ticket.id)).toBe(0);

    const socket = await realtime.connect({ cookie: await sessionCookieFor(await createUser(store.id)) });
    const resolvedPush = new Promise<string>((resolve) => socket.on("ticket:updated", ({ ticket: pushed }) => pushed.status === "RESOLVED" && resolve(pushed.id)));
    const questionPush = new Promise<string>((resolve) => socket.on("message:created", ({ message }) => (message.meta as { type?: string } | null)?.type === "csat" && resolve(message.ticketId)));
    // A new worker: its sweep finds the dead one's events once their lease ends.
    const dispatcher = startTestDispatcher({ storeIds: [store.id], io: realtime.realtime.io, telegram: true });
    try {
      expect(await resolvedPush).toBe(ticket.id);
      expect(await questionPush).toBe(ticket.id);
      expect(await csatQuestions(ticket.id)).toBe(1);
      await expect.poll(() => db().domainEvent.count({ where: { storeId: store.id } })).toBe(0);
    } finally {
      await dispatcher.stop();
    }
  });
});
