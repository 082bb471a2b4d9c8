import { bigcommerceSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { randomUUID } from "node:crypto";
import { db as defaultDb, type Db } from "@/lib/db/client.ts";
import type { CustomerTier, Role } from "@/lib/generated/prisma/enums.ts";
import { createTicket as createTicketService, type CreateTicketInput } from "@/lib/tickets/create-ticket.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";

/**
 * Test data through the real code paths where one exists (tickets go through createTicket).
 * Every value that must be unique is random, so tests and test files never collide in one database.
 */

function unique(): string {
  return randomUUID().slice(0, 8);
}

/** `webhookSecret`: the plain secret a test sends in webhooks (the store keeps it sealed). */
export type TestStore = { id: string; name: string; bigcommerceHash: string; webhookSecret: string };

export async function createStore(overrides: { name?: string; timeZone?: string } = {}, client: Db = defaultDb()): Promise<TestStore> {
  const suffix = unique();
  const webhookSecret = randomUUID();
  const store = await client.store.create({
    data: {
      name: overrides.name ?? `Store ${suffix}`,
      bigcommerceHash: `test-${suffix}-${unique()}`,
      ...bigcommerceSecretColumns(webhookSecret),
      timeZone: overrides.timeZone ?? "UTC",
    },
    select: { id: true, name: true, bigcommerceHash: true },
  });
  return { ...store, webhookSecret };
}

export type TestUser = { id: string; storeId: string; email: string; name: string; role: Role };

export async function createUser(
  storeId: string,
  overrides: { name?: string; email?: string; role?: Role; teamId?: string | null; disabledAt?: Date | null; capacity?: number } = {},
  client: Db = defaultDb(),
): Promise<TestUser> {
  const suffix = unique();
  return client.user.create({
    data: {
      storeId,
      name: overrides.name ?? `Agent ${suffix}`,
      email: overrides.email ?? `agent-${suffix}@tern.test`,
      role: overrides.role ?? "AGENT",
      teamId: overrides.teamId ?? null,
      disabledAt: overrides.disabledAt ?? null,
      capacity: overrides.capacity ?? 10,
    },
    select: { id: true, storeId: true, email: true, name: true, role: true },
  });
}

export type TestCustomer = { id: string; storeId: string; email: string | null; name: string | null; tier: CustomerTier };

export async function createCustomer(
  storeId: string,
  overrides: { name?: string | null; email?: string | null; tier?: CustomerTier; telegramChatId?: string; telegramVerified?: boolean } = {},
  client: Db = defaultDb(),
): Promise<TestCustomer> {
  const suffix = unique();
  const customer = await client.customer.create({
    data: {
      storeId,
      name: overrides.name === undefined ? `Customer ${suffix}` : overrides.name,
      email: overrides.email === undefined ? `customer-${suffix}@example.com` : overrides.email,
      tier: overrides.tier ?? "STANDARD",
    },
    select: { id: true, storeId: true, email: true, name: true, tier: true },
  });
  if (overrides.telegramChatId) {
    await client.channelIdentity.create({
      data: {
        storeId,
        customerId: customer.id,
        channel: "TELEGRAM",
        externalId: overrides.telegramChatId,
        // A customer made by a test is who they say they are unless the test asks otherwise.
        ...(overrides.telegramVerified === false ? {} : { verifiedAt: new Date(), verifiedBy: "AGENT" as const }),
      },
      select: { id: true },
    });
  }
  return customer;
}

export async function createTicket(
  storeId: string,
  overrides: Partial<Omit<CreateTicketInput, "storeId">> = {},
  client: Db = defaultDb(),
): Promise<TicketChange> {
  return createTicketService(client, { subject: `Ticket ${unique()}`, source: "API", ...overrides, storeId });
}

export async function createTeam(storeId: string, overrides: { name?: string; level?: number } = {}, client: Db = defaultDb()): Promise<{ id: string; name: string }> {
  return client.team.create({
    data: { storeId, name: overrides.name ?? `Team ${unique()}`, level: overrides.level ?? 1 },
    select: { id: true, name: true },
  });
}

/** An agent who is online (createUser's users are offline, so routing never picks them). */
export async function createOnlineAgent(
  storeId: string,
  overrides: { name?: string; teamId?: string | null; capacity?: number } = {},
  client: Db = defaultDb(),
): Promise<TestUser> {
  const user = await createUser(storeId, { name: overrides.name, teamId: overrides.teamId, capacity: overrides.capacity }, client);
  await client.user.update({ where: { id: user.id }, data: { availability: "ONLINE" }, select: { id: true } });
  return user;
}
