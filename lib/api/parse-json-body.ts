import { AppError } from "@/lib/errors.ts";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth.ts";

// PostgreSQL text cannot hold U+0000 and jsonb refuses a lone surrogate too; JSON.parse lets both through.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function holdsUnstorable(value: unknown): boolean {
  if (typeof value === "string") return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorable);
  if (value !== null && typeof value === "object") return Object.entries(value).some(([key, inner]) => UNSTORABLE.test(key) || holdsUnstorable(inner));
  return false;
}

/**
 * A request body's text as JSON. A body carrying U+0000 or an unpaired surrogate is refused here
 * as the client's error, not left to fail as a 500 at the database. keepUnstorable: for callers
 * that clean such text themselves (the inbound event log).
 */
export function parseJsonBody(text: string, options: { keepUnstorable?: boolean } = {}): unknown {
  if (nestsDeeperThan(text)) throw new AppError("BAD_REQUEST", `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
  // JSON carries both only as \u escapes (raw control characters and invalid UTF-8 never parse to them): look deeper only then.
  if (!options.keepUnstorable && /\\u(0000|d[89a-f])/i.test(text) && holdsUnstorable(value)) {
    throw new AppError("BAD_REQUEST", "The request body contains U+0000 (NUL) or an unpaired surrogate, which cannot be stored");
  }
  return value;
}
