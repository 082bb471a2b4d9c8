"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { MoonIcon } from "@/components/ui/icons.tsx";
import { fieldClass, focusRing, labelClass } from "@/components/ui/styles.ts";

type Props = { snoozedUntil: string | null; disabled: boolean; onSnooze: (until: string | null) => void };

function at(date: Date, hours: number): Date {
  const copy = new Date(date);
  copy.setHours(hours, 0, 0, 0);
  return copy;
}

/** Snooze choices in the agent's own time zone. */
function presets(now: Date): Array<{ label: string; until: Date }> {
  const tomorrow = at(new Date(now.getTime() + 86_400_000), 9);
  const monday = at(new Date(now.getTime() + (((8 - now.getDay()) % 7 || 7) * 86_400_000)), 9);
  return [
    { label: "1 hour", until: new Date(now.getTime() + 3_600_000) },
    { label: "4 hours", until: new Date(now.getTime() + 4 * 3_600_000) },
    { label: "Tomorrow, 9:00", until: tomorrow },
    { label: "Next Monday, 9:00", until: monday },
  ];
}

/** An ISO time with the browser's offset, as the API wants it. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (value: number) => String(Math.floor(Math.abs(value))).padStart(2, "0");
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function SnoozeMenu({ snoozedUntil, disabled, onSnooze }: Props) {
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState("");
  const [choices, setChoices] = useState<Array<{ label: string; until: Date }>>([]);
  const panel = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const customId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (panel.current && !panel.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  function choose(until: Date | null) {
    setOpen(false);
    onSnooze(until ? isoWithOffset(until) : null);
  }

  return (
    <div ref={panel} className="relative">
      <Button
        size="sm"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setChoices(presets(new Date()));
          setOpen((shown) => !shown);
        }}
      >
        <MoonIcon size={14} /> {snoozedUntil ? "Snoozed" : "Snooze"}
      </Button>
      {open && (
        <div id={menuId} role="group" aria-label="Snooze until" className="absolute right-0 top-8 z-20 w-60 rounded-md border border-slate-200 bg-white p-1.5 shadow-lg">
          {snoozedUntil && (
            <button type="button" onClick={() => choose(null)} className={cx("w-full rounded px-2 py-1.5 text-left text-[13px] font-medium text-tern-700 hover:bg-slate-50", focusRing)}>
              Wake up now
            </button>
          )}
          {choices.map((choice) => (
            <button
              key={choice.label}
              type="button"
              onClick={() => choose(choice.until)}
              className={cx("flex w-full items-center justify-between rounded px-2 py-1.5 text-left text-[13px] text-slate-800 hover:bg-slate-50", focusRing)}
            >
              {choice.label}
              <span className="text-xs text-slate-500">{choice.until.toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" })}</span>
            </button>
          ))}
          <form
            className="mt-1 border-t border-slate-100 px-2 pb-1 pt-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (custom) choose(new Date(custom));
            }}
          >
            <label htmlFor={customId} className={labelClass}>
              Until a date and time
            </label>
            <div className="flex gap-1.5">
              <input id={customId} type="datetime-local" value={custom} onChange={(event) => setCustom(event.target.value)} className={fieldClass} />
              <Button type="submit" size="sm" variant="primary" disabled={!custom}>
                Set
              </Button>
            </div>
          </form>
        </div>
      )}
    </div>
  );
}
