import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { createActivityInTx } from "./create-activity.ts";
import type { MessageDto } from "./ticket-dto.ts";

export type SetTeamInput = { storeId: string; ticketId: string; teamId: string | null; actorId: string | null; reason?: string };

/** Moves the ticket to a team of its store (or none) with its activity entry; callers hold the ticket lock. Null when unchanged. */
export async function setTeamInTx(tx: Tx, input: SetTeamInput): Promise<MessageDto | null> {
  const { storeId, ticketId, teamId } = input;
  const current = await tx.ticket.findFirstOrThrow({
    where: { id: ticketId, storeId },
    select: { team: { select: { id: true, name: true } } },
  });
  if ((current.team?.id ?? null) === teamId) return null;
  const team =
    teamId === null ? null : isUuid(teamId) ? await tx.team.findFirst({ where: { id: teamId, storeId }, select: { id: true, name: true } }) : null;
  if (teamId !== null && !team) throw new AppError("UNPROCESSABLE", "The team must be a team of this store", { teamId });
  await tx.ticket.update({ where: { id: ticketId, storeId }, data: { teamId: team?.id ?? null }, select: { id: true } });
  const text = team ? `Moved to team ${team.name}` : `Removed from team ${current.team?.name ?? ""}`.trim();
  return createActivityInTx(tx, {
    storeId,
    ticketId,
    actorId: input.actorId,
    body: input.reason ? `${text} (${input.reason})` : text,
    meta: { type: "team", from: current.team?.id ?? null, to: team?.id ?? null },
  });
}
