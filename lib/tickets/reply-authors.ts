import type { MessageDto } from "./ticket-dto.ts";

/** Who wrote these replies, for a sentence: "Ben Agent", "Ben Agent and Cleo", "Ben, Cleo and Dan". */
export function replyAuthors(replies: readonly MessageDto[]): string {
  const names = [...new Set(replies.map((reply) => reply.author?.name ?? "Someone"))];
  return names.length <= 1 ? (names[0] ?? "Someone") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
