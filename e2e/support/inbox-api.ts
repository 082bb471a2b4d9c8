import { expect, type APIRequestContext } from "@playwright/test";
import type { MessageDto, TicketDto } from "@/lib/tickets/ticket-dto.ts";

/** Test data through Tern's public API, as a signed-in user would make it. */

export async function createTicket(
  api: APIRequestContext,
  data: { subject: string; body?: string; priority?: string; tags?: string[]; customer?: { email?: string; name?: string }; bigcommerceOrderId?: number },
): Promise<TicketDto> {
  const response = await api.post("/api/v1/tickets", { data });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { ticket: TicketDto }).ticket;
}

export async function postMessage(api: APIRequestContext, ticketId: string, kind: "reply" | "note", body: string): Promise<MessageDto> {
  const response = await api.post(`/api/v1/tickets/${ticketId}/messages`, { data: { kind, body } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { message: MessageDto }).message;
}

export async function patchTicket(api: APIRequestContext, ticketId: string, patch: Record<string, unknown>): Promise<TicketDto> {
  const response = await api.patch(`/api/v1/tickets/${ticketId}`, { data: patch });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { ticket: TicketDto }).ticket;
}

export async function ticketThread(api: APIRequestContext, ticketId: string): Promise<{ ticket: TicketDto; messages: MessageDto[] }> {
  const response = await api.get(`/api/v1/tickets/${ticketId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { ticket: TicketDto; messages: MessageDto[] };
}
