import type { Tx } from "@/lib/db/client.ts";

/**
 * Whether a person has taken part in the conversation: it has an assignee, or anyone on the team
 * wrote in its thread (a reply, a note, or an action recorded under their name, such as verifying
 * the chat by hand). A conversation a person is working is theirs: the bot neither offers an
 * article on it nor resolves it, and one resolved through the bot counts as deflected only
 * without this.
 */
export async function agentInvolvedInTx(tx: Tx, storeId: string, ticket: { id: string; assigneeId: string | null }): Promise<boolean> {
  if (ticket.assigneeId) return true;
  const authored = await tx.message.findFirst({ where: { storeId, ticketId: ticket.id, authorId: { not: null } }, select: { id: true } });
  return authored !== null;
}
