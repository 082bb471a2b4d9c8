"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";

type Mutation = { isPending: boolean; error: Error | null };

type Props = {
  canEdit: boolean;
  /** What is edited, lower case: "article", "template". */
  noun: string;
  /** The name of the item being edited; absent while creating a new one. */
  existingName: string | undefined;
  /** What deleting means for agents, shown in the confirmation. */
  deleteConsequence: string;
  save: Mutation;
  remove: Mutation & { mutate: () => void };
};

/** The end of a settings editor form: the save or delete error, Save/Create, and Delete behind a confirmation. */
export function EditorFooter({ canEdit, noun, existingName, deleteConsequence, save, remove }: Props) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const exists = existingName !== undefined;
  return (
    <>
      {(save.error || remove.error) && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
          {(save.error ?? remove.error)!.message}
        </p>
      )}
      {canEdit && (
        <div className="flex items-center gap-2 border-t border-slate-200 pt-4">
          <Button type="submit" variant="primary" size="md" disabled={save.isPending}>
            {save.isPending ? "Saving…" : exists ? "Save changes" : `Create ${noun}`}
          </Button>
          {exists && (
            <Button variant="danger" size="md" className="ml-auto" onClick={() => setConfirmDelete(true)}>
              Delete
            </Button>
          )}
        </div>
      )}
      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} title={`Delete “${existingName ?? ""}”?`} description={deleteConsequence}>
        <div className="flex justify-end gap-2">
          <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => {
              setConfirmDelete(false);
              remove.mutate();
            }}
          >
            Delete {noun}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
