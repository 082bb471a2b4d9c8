"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { fieldClass, labelClass } from "@/components/ui/styles.ts";

type Props = {
  title: string;
  description: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** The label of an optional reason field; none when undefined. */
  reasonLabel?: string;
  pending: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

/** One step between a button and an order action that cannot be taken back: what will happen, an optional reason, and the API's refusal in its words. */
export function ConfirmOrderActionDialog({ title, description, children, confirmLabel, danger, reasonLabel, pending, error, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState("");
  const id = useId();
  return (
    <Dialog open onClose={onClose} title={title} description={description}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(reason.trim());
        }}
      >
        {children}
        {reasonLabel && (
          <div>
            <label htmlFor={id} className={labelClass}>
              {reasonLabel}
            </label>
            <textarea id={id} rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} className={fieldClass} />
          </div>
        )}
        {error && (
          <p role="alert" className="rounded bg-red-50 px-2 py-1.5 text-[13px] text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Back</Button>
          <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
