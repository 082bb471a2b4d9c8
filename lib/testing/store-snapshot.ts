import { db } from "@/lib/db/client.ts";

/**
 * Everything of a store that an API call could change, as one comparable value: tests take one
 * before a refused call and compare it after ("nothing changed").
 */
export async function storeSnapshot(storeId: string): Promise<string> {
  const rows = await Promise.all([
    db().store.findUniqueOrThrow({
      where: { id: storeId },
      select: { name: true, status: true, purgeOnUninstall: true, refundApprovalThreshold: true, telegramWebhookSecretHash: true, telegramBotTokenEncrypted: true, webhooksRegisteredAt: true },
    }),
    db().ticket.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().message.findMany({ where: { storeId }, orderBy: { id: "asc" }, select: { id: true, body: true, kind: true } }),
    db().user.findMany({ where: { storeId }, orderBy: { id: "asc" }, select: { id: true, role: true, disabledAt: true, availability: true, capacity: true, teamId: true } }),
    db().customer.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().kbArticle.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().template.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().assignmentRule.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().slaPolicy.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().escalationPolicy.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().slaHoliday.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().apiToken.findMany({ where: { storeId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db().orderAction.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db().inboundEvent.findMany({ where: { storeId }, orderBy: { id: "asc" }, select: { id: true, status: true, manualTicketId: true, attempts: true } }),
    db().team.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
