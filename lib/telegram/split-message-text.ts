/** Telegram's limit for one text message, counted in UTF-16 code units as JavaScript strings are. */
export const TELEGRAM_TEXT_LIMIT = 4096;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where to cut `text` at or before `limit`: a paragraph, then a line, then a space, then anywhere but inside a surrogate pair. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  // Prefer a break in the second half of the window, so parts do not come out tiny.
  const floor = Math.floor(limit / 2);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator, limit);
    if (at >= floor) return at;
  }
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

/**
 * Splits a reply into parts Telegram accepts, in order, each at most `limit` long. Breaks at a
 * paragraph, line or word where it can, drops the whitespace it breaks at, never splits a surrogate pair.
 */
export function splitMessageText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const at = cutPoint(rest, limit);
    const part = rest.slice(0, at).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(at).replace(/^\s+/, "");
  }
  if (rest.trim() || parts.length === 0) parts.push(rest);
  return parts;
}
