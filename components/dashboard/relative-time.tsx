import { formatDuration } from "./format.ts";

/** "3m ago" / "in 5m" against a ticking `now`, with the exact time on hover. */
export function RelativeTime({ iso, now }: { iso: string | null; now: number }) {
  if (!iso) return <span>never</span>;
  const seconds = (Date.parse(iso) - now) / 1000;
  const text = Math.abs(seconds) < 1 ? "now" : seconds > 0 ? `in ${formatDuration(seconds)}` : `${formatDuration(seconds)} ago`;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
