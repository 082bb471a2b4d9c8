import type { Tx } from "@/lib/db/client.ts";

export type KbAnswerOutcome = "offered" | "accepted" | "declined";

/**
 * The audit row of one knowledge-base answer step, in the caller's transaction. Every self-service
 * action writes one `self_service.<kind>` row about its ticket, by nobody (the customer acted);
 * the dashboard counts them by kind (lib/metrics/self-service-summary.ts).
 */
export async function recordKbAnswerAuditInTx(
  tx: Tx,
  input: { storeId: string; ticketId: string; offerId: string; articleId: string | null; outcome: KbAnswerOutcome; resolved?: boolean },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      storeId: input.storeId,
      actorId: null,
      action: "self_service.kb_answer",
      targetType: "ticket",
      targetId: input.ticketId,
      detail: {
        articleId: input.articleId,
        offerId: input.offerId,
        outcome: input.outcome,
        ...(input.resolved !== undefined ? { resolved: input.resolved } : {}),
      },
    },
    select: { id: true },
  });
}
