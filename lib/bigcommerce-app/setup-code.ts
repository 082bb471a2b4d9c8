import { createHash, timingSafeEqual } from "node:crypto";

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** Whether `given` is this Tern's setup code; an empty expected code matches nothing. Constant time. */
export function setupCodeMatches(given: string, expected: string): boolean {
  if (!expected) return false;
  return timingSafeEqual(digest(given.trim()), digest(expected));
}
