import type { Db } from "@/lib/db/client.ts";
import { directRows } from "@/lib/db/direct-rows.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { MessageDtoRow } from "./ticket-dto.ts";

/**
 * Messages as `messageDtoSelect` reads them, in one raw statement on node-postgres: the inbox's
 * push reads the message of nearly every event, and Prisma's relation query goes through its
 * engine for each (measured together with the other direct statements in docs/performance.md,
 * not alone). Its columns must stay those of messageDtoSelect: a test compares the two on the
 * same messages.
 */
export async function readMessageDtoRows(db: Db, storeId: string, ids: readonly string[]): Promise<MessageDtoRow[]> {
  if (ids.length === 0) return [];
  return directRows<MessageDtoRow>(db, Prisma.sql`
    SELECT m.id, m."ticketId", m.kind::text AS kind, m.channel::text AS channel,
           CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS author,
           m.body, m.attachments, m."deliveryStatus"::text AS "deliveryStatus", m."deliveryError", m."editedAt", m.meta, m."createdAt"
    FROM "Message" m LEFT JOIN "User" u ON u.id = m."authorId"
    WHERE m."storeId" = ${storeId}::uuid AND m.id = ANY(${[...ids]}::uuid[])`);
}
