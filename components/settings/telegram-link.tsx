"use client";

import { useMutation } from "@tanstack/react-query";
import { cx } from "@/components/ui/cx.ts";
import { focusRing } from "@/components/ui/styles.ts";

type Issued = { code: string; expiresAt: string };

async function requestCode(): Promise<Issued> {
  const response = await fetch("/api/v1/telegram/staff-link-code", { method: "POST" });
  const body = (await response.json()) as Issued & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? "The code could not be made");
  return body;
}

/** Links the signed-in user's Telegram account to the store's staff group: a one-time code to send there. */
export function TelegramLink() {
  const issue = useMutation({ mutationFn: requestCode });
  return (
    <section className="max-w-xl space-y-3 p-6">
      <h1 className="text-lg font-semibold text-slate-900">Answer from Telegram</h1>
      <p className="text-[13px] text-slate-700">
        When the store mirrors tickets into its Telegram staff group, you can answer customers from a ticket&apos;s topic there. Link your
        Telegram account first: get a code, then send <code className="rounded bg-slate-100 px-1">/iam &lt;code&gt;</code> in the staff group
        within 10 minutes. The code works once, and only for you.
      </p>
      <button
        type="button"
        onClick={() => issue.mutate()}
        disabled={issue.isPending}
        className={cx("rounded-md bg-tern-600 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-tern-700 disabled:opacity-60", focusRing)}
      >
        {issue.data ? "Get a new code" : "Get a link code"}
      </button>
      {issue.data && (
        <p data-testid="staff-link-code" className="rounded-md border border-slate-200 bg-white p-3 text-[13px] text-slate-800">
          Send <code className="rounded bg-slate-100 px-1 font-mono text-base">/iam {issue.data.code}</code> in the staff group before{" "}
          {new Date(issue.data.expiresAt).toLocaleTimeString()}.
        </p>
      )}
      {issue.error && (
        <p role="alert" className="text-[13px] text-red-700">
          {issue.error.message}
        </p>
      )}
    </section>
  );
}
