import { cx } from "@/components/ui/cx.ts";

const COLORS = ["bg-sky-100 text-sky-800", "bg-violet-100 text-violet-800", "bg-emerald-100 text-emerald-800", "bg-amber-100 text-amber-900", "bg-rose-100 text-rose-800", "bg-teal-100 text-teal-800"];

function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length]!;
}

export function initialsOf(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : (parts[0]?.slice(0, 2) ?? "?")).toUpperCase();
}

type Props = { id: string; name: string; size?: "xs" | "sm"; decorative?: boolean; label?: string };

/** Initials in a colour stable per person; `label` (default: the name) is the accessible text, unless decorative because the name is shown beside it. */
export function Avatar({ id, name, size = "sm", decorative = false, label = name }: Props) {
  return (
    <span
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative || undefined}
      title={label}
      className={cx("inline-grid shrink-0 place-items-center rounded-full font-semibold", size === "xs" ? "size-5 text-[9px]" : "size-6 text-[10px]", colorFor(id))}
    >
      {initialsOf(name)}
    </span>
  );
}
