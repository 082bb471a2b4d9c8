"use client";

import { Dialog } from "@/components/ui/dialog.tsx";
import { SHORTCUTS } from "./keyboard-shortcuts.ts";

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" description="Work the queue without the mouse.">
      <dl className="divide-y divide-slate-100 text-[13px]">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="flex items-center justify-between py-1.5">
            <dt className="text-slate-700">{shortcut.label}</dt>
            <dd className="flex gap-1">
              {shortcut.keys.map((key) => (
                <kbd key={key} className="min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800 shadow-[0_1px_0_var(--color-slate-300)]">
                  {key}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
