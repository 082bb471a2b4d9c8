/** "45s", "12m", "3h 20m", "2d 4h": durations at the precision a supervisor reads them. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const total = Math.round(Math.abs(seconds));
  if (total < 60) return `${total}s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}m${total % 60 && minutes < 10 ? ` ${total % 60}s` : ""}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${minutes % 60 ? ` ${minutes % 60}m` : ""}`;
  const days = Math.floor(hours / 24);
  return `${days}d${hours % 24 ? ` ${hours % 24}h` : ""}`;
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value}%`;
}

const CLOCK_LABELS = { FIRST_RESPONSE: "First response", NEXT_RESPONSE: "Next response", RESOLUTION: "Resolution" } as const;

export function clockLabel(kind: keyof typeof CLOCK_LABELS): string {
  return CLOCK_LABELS[kind];
}

export function titleCase(value: string): string {
  return value
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}
