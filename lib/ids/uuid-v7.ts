import { randomFillSync } from "node:crypto";

// Entropy drawn in blocks: one system call per 256 ids instead of one per id (the webhook path
// makes an id per delivery). Node's randomUUID caches the same way.
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;

/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond timestamp, then random bits. Prisma generates these for
 * `@default(uuid(7))`; code that inserts with raw SQL makes its own so ids still sort by time.
 */
export function uuidV7(now = Date.now()): string {
  return format(randomBytes(), now, null);
}

// Ids in one sequence share the millisecond; rand_a (12 bits) then counts (RFC 9562, method 1).
const MAX_SEQUENCE = 4096;

/**
 * `count` UUIDv7s that sort in the order given, for rows written together whose order is read back
 * by id (the entries of one thread written in one statement, whose createdAt is the same).
 */
export function uuidV7Sequence(count: number, now = Date.now()): string[] {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    // A longer sequence moves on to the next millisecond, still in order.
    ids.push(format(randomBytes(), now + Math.floor(index / MAX_SEQUENCE), index % MAX_SEQUENCE));
  }
  return ids;
}

function randomBytes(): Buffer {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = Buffer.from(pool.subarray(next * 16, next * 16 + 16));
  next += 1;
  return bytes;
}

function format(bytes: Buffer, now: number, sequence: number | null): string {
  bytes.writeUIntBE(now, 0, 6);
  if (sequence !== null) bytes.writeUInt16BE(sequence, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
