"use client";

import { inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";

const UNITS = [
  { unit: "seconds", seconds: 1 },
  { unit: "minutes", seconds: 60 },
  { unit: "hours", seconds: 3600 },
  { unit: "days", seconds: 86_400 },
] as const;

export type DurationDraft = { amount: string; unit: (typeof UNITS)[number]["unit"] };

/** The largest unit that divides the value evenly: 5400 s shows as 90 minutes, 7200 s as 2 hours. */
export function durationDraft(seconds: number | null | undefined): DurationDraft {
  if (!seconds) return { amount: "", unit: "minutes" };
  const unit = [...UNITS].reverse().find((candidate) => seconds % candidate.seconds === 0) ?? UNITS[0];
  return { amount: String(seconds / unit.seconds), unit: unit.unit };
}

export function durationSeconds(draft: DurationDraft): number | null {
  if (!draft.amount.trim()) return null;
  const unit = UNITS.find((candidate) => candidate.unit === draft.unit) ?? UNITS[1];
  return Math.round(Number(draft.amount) * unit.seconds);
}

export function DurationInput({ label, value, onChange, required }: { label: string; value: DurationDraft; onChange: (value: DurationDraft) => void; required?: boolean }) {
  return (
    <fieldset>
      <legend className={labelClass}>{label}</legend>
      <div className="flex gap-1.5">
        <input
          aria-label={`${label} amount`}
          className={inputClass}
          type="number"
          min={0}
          step="any"
          required={required}
          value={value.amount}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
          placeholder={required ? "" : "none"}
        />
        <select aria-label={`${label} unit`} className={`${inputClass} w-28`} value={value.unit} onChange={(event) => onChange({ ...value, unit: event.target.value as DurationDraft["unit"] })}>
          {UNITS.map((unit) => (
            <option key={unit.unit} value={unit.unit}>
              {unit.unit}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
