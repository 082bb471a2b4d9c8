import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

/** One earlier version of a message: what it said from `writtenAt` until an edit replaced it at `replacedAt`. */
export type MessageEditDto = { body: string; attachments: unknown[]; writtenAt: string; replacedAt: string };

type StoredVersion = { body: string; attachments: unknown[]; editedAt: string };

// editHistory is plain JSON written by the channels (lib/telegram/handle-edited-message.ts): a
// malformed entry is skipped, never shown as "undefined" or allowed to fail the whole answer.
function storedVersions(value: unknown): StoredVersion[] {
  if (!Array.isArray(value)) return [];
  const versions: StoredVersion[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const { body, attachments, editedAt } = entry as Record<string, unknown>;
    if (typeof body !== "string" || typeof editedAt !== "string" || Number.isNaN(Date.parse(editedAt))) continue;
    versions.push({ body, attachments: Array.isArray(attachments) ? attachments : [], editedAt: new Date(editedAt).toISOString() });
  }
  return versions;
}

/**
 * The earlier versions of a message, newest first. The message must be in this ticket of this
 * store (anything else is "not found", as the thread itself would be); who may see the thread
 * may see its history, internal notes included, since only the store's own users reach the API.
 */
export async function listMessageEdits(db: Db, input: { storeId: string; ticketId: string; messageId: string }): Promise<MessageEditDto[]> {
  const { storeId, ticketId, messageId } = input;
  if (!isUuid(storeId) || !isUuid(ticketId) || !isUuid(messageId)) throw new AppError("NOT_FOUND", "Message not found");
  const message = await db.message.findFirst({
    where: { id: messageId, ticketId, storeId },
    select: { createdAt: true, editHistory: true },
  });
  if (!message) throw new AppError("NOT_FOUND", "Message not found");
  // Stored oldest first, each with the time it was replaced; it was written when the one before it was replaced.
  const versions = storedVersions(message.editHistory);
  const edits = versions.map((version, index) => ({
    body: version.body,
    attachments: version.attachments,
    writtenAt: index === 0 ? message.createdAt.toISOString() : versions[index - 1]!.editedAt,
    replacedAt: version.editedAt,
  }));
  return edits.reverse();
}
