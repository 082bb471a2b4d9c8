"use client";

import { useNow } from "./use-now.ts";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "narrow" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** "5 min. ago" style text for a distance in ms (negative = past). */
export function formatRelative(deltaMs: number): string {
  if (Math.abs(deltaMs) < 45_000) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(deltaMs) >= size || unit === "minute") return relative.format(Math.round(deltaMs / size), unit);
  }
  return "just now";
}

export function formatAbsolute(iso: string): string {
  return absolute.format(new Date(iso));
}

/** A relative time with the exact one on hover and for assistive tech (the <time> element). */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  const text = now === 0 ? formatAbsolute(iso) : formatRelative(Date.parse(iso) - now);
  return (
    <time dateTime={iso} title={formatAbsolute(iso)} className={className}>
      {text}
    </time>
  );
}
