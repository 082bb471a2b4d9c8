"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { XIcon } from "./icons.tsx";
import { cx } from "./cx.ts";
import { focusRing } from "./styles.ts";

type Props = { open: boolean; onClose: () => void; title: string; description?: string; children: ReactNode; size?: "md" | "lg" };

const SIZES = { md: "max-w-md", lg: "max-w-3xl" } as const;

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and restores focus to
 * the opener; clicking the backdrop closes it too.
 */
export function Dialog({ open, onClose, title, description, children, size = "md" }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      className={cx(
        // On a phone: the width of the screen less a margin, whatever the size asked for.
        "m-auto w-full rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30 max-md:max-w-[calc(100vw-1rem)]",
        SIZES[size],
      )}
    >
      {open && (
        <div className="p-5 max-md:p-4">
          <div className="mb-3 flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-0.5 text-[13px] text-slate-600">
                  {description}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className={cx("grid shrink-0 place-items-center rounded p-1 text-slate-500 hover:bg-slate-100 max-lg:size-11", focusRing)}
            >
              <XIcon size={16} />
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
