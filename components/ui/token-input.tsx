"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { XIcon } from "./icons.tsx";
import { cx } from "./cx.ts";
import { focusRing } from "./styles.ts";

type Props = { label: string; values: string[]; onChange: (values: string[]) => void; placeholder?: string; disabled?: boolean; hint?: string };

/** A list of short values (tags, SKUs, categories) typed one by one: Enter or comma adds, Backspace on empty removes the last. */
export function TokenInput({ label, values, onChange, placeholder, disabled, hint }: Props) {
  const id = useId();
  const hintId = useId();
  const [draft, setDraft] = useState("");

  function commit(raw: string) {
    const value = raw.trim().replace(/,$/, "").trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      commit(draft);
    } else if (event.key === "Backspace" && draft === "" && values.length) {
      onChange(values.slice(0, -1));
    }
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div
        className={cx(
          "flex min-h-8 flex-wrap items-center gap-1 rounded-md border border-slate-300 bg-white px-1.5 py-1 focus-within:border-tern-500 focus-within:ring-2 focus-within:ring-tern-100",
          disabled && "bg-slate-50",
        )}
      >
        {values.map((value) => (
          <span key={value} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
            {value}
            {!disabled && (
              <button
                type="button"
                onClick={() => onChange(values.filter((item) => item !== value))}
                aria-label={`Remove ${value}`}
                className={cx("rounded text-slate-500 hover:text-slate-900", focusRing)}
              >
                <XIcon size={12} />
              </button>
            )}
          </span>
        ))}
        <input
          id={id}
          value={draft}
          disabled={disabled}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => draft && commit(draft)}
          placeholder={values.length ? undefined : placeholder}
          aria-describedby={hint ? hintId : undefined}
          className="min-w-24 flex-1 border-0 bg-transparent px-1 py-0.5 text-[13px] outline-none placeholder:text-slate-500"
        />
      </div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
