"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiError } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { fieldClass, labelClass } from "@/components/ui/styles.ts";
import { ApiAccountFields, ApiAccountSteps, ErrorNote, readApiAccount } from "./api-account-fields.tsx";

/** Signed out: connect a store Tern does not have yet, and become its first Tern admin. */
export function FirstConnectionForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      await apiFetch("/api/connect", {
        method: "POST",
        body: {
          ...readApiAccount(form),
          setupCode: String(data.get("setupCode") ?? ""),
          admin: { name: String(data.get("name") ?? ""), email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") },
        },
      });
      // Signed in now: the page shows the connection's health.
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Tern could not be reached. Try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="first-connection-form">
      <ApiAccountSteps />
      <ApiAccountFields disabled={pending} />
      <fieldset className="space-y-3 border-t border-slate-200 pt-4">
        <legend className="text-sm font-medium text-slate-900">Your Tern admin account</legend>
        <label className="block">
          <span className={labelClass}>Your name</span>
          <input name="name" required disabled={pending} autoComplete="name" className={fieldClass} />
        </label>
        <label className="block">
          <span className={labelClass}>Email</span>
          <input name="email" type="email" required disabled={pending} autoComplete="username" className={fieldClass} />
        </label>
        <label className="block">
          <span className={labelClass}>Password (at least 12 characters)</span>
          <input name="password" type="password" required minLength={12} disabled={pending} autoComplete="new-password" className={fieldClass} />
        </label>
        <label className="block">
          <span className={labelClass}>Setup code</span>
          <input name="setupCode" required disabled={pending} autoComplete="off" spellCheck={false} className={fieldClass} />
          <span className="mt-1 block text-xs text-slate-500">Whoever runs Tern finds it in the data folder (.data/setup-code.secret) or set it as TERN_SETUP_CODE.</span>
        </label>
      </fieldset>
      <ErrorNote message={error} />
      <Button type="submit" variant="primary" size="lg" className="w-full" disabled={pending}>
        {pending ? "Checking with BigCommerce…" : "Connect store"}
      </Button>
    </form>
  );
}
