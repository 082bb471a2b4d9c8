import { buttonClass } from "@/components/supervisor/ui-classes.ts";

/** The end of a routing settings form: what went wrong, Save, and "Saved" once it was. */
export function SaveFooter({ error, busy, saved }: { error: string | null; busy: boolean; saved: boolean }) {
  return (
    <>
      {error ? (
        <p role="alert" className="text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          Save
        </button>
        {saved ? <span className="text-xs text-emerald-700">Saved</span> : null}
      </div>
    </>
  );
}
