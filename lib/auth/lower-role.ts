import type { Role } from "@/lib/generated/prisma/enums.ts";

const RANK: Record<Role, number> = { AGENT: 0, SUPERVISOR: 1, ADMIN: 2 };

/** The lesser of two roles: a token never carries more than its user may do today. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Whether `role` is more than `than` allows (a token's role above its user's). */
export function outranks(role: Role, than: Role): boolean {
  return RANK[role] > RANK[than];
}
