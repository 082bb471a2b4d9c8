"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { fieldClass, labelClass } from "@/components/ui/styles.ts";

type Props = { open: boolean; onClose: () => void; onEscalate: (reason: string) => void; pending: boolean };

export function EscalateDialog({ open, onClose, onEscalate, pending }: Props) {
  const [reason, setReason] = useState("");
  const id = useId();
  return (
    <Dialog open={open} onClose={onClose} title="Escalate ticket" description="It moves to Escalated in the level-2 team's queue, and you let go of it.">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onEscalate(reason);
        }}
        className="space-y-3"
      >
        <div>
          <label htmlFor={id} className={labelClass}>
            Reason (optional, shown in the thread)
          </label>
          <textarea id={id} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} className={fieldClass} maxLength={500} />
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            Escalate
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
