import type { PresenceEntry } from "@/lib/realtime/events.ts";
import { Avatar } from "./avatar.tsx";

function names(list: PresenceEntry[]): string {
  const all = list.map((viewer) => viewer.name);
  return all.length <= 2 ? all.join(" and ") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
}

/** Who else has this ticket open, and who is writing in it right now. */
export function PresenceBar({ others }: { others: PresenceEntry[] }) {
  const typing = others.filter((viewer) => viewer.typing);
  return (
    <span data-testid="presence" className="inline-flex items-center gap-1.5" aria-live="polite">
      {others.length > 0 && (
        <>
          <span className="flex -space-x-1.5">
            {others.map((viewer) => (
              <span key={viewer.userId} className="rounded-full ring-2 ring-white">
                <Avatar id={viewer.userId} name={viewer.name} size="xs" decorative />
              </span>
            ))}
          </span>
          <span data-testid="presence-text" className="text-xs text-slate-600">
            {typing.length > 0 ? (
              <span className="font-medium text-tern-700">
                {names(typing)} {typing.length === 1 ? "is" : "are"} typing…
              </span>
            ) : (
              <>
                {names(others)} {others.length === 1 ? "is" : "are"} viewing
              </>
            )}
          </span>
        </>
      )}
    </span>
  );
}
