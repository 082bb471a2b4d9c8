"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/**
 * Runs one settings change: shows it as busy, keeps the server's error message for the form, and
 * on success re-renders the server page so every list shows what is now stored.
 */
export function useSettingsAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      startTransition(() => router.refresh());
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Something went wrong");
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error, setError };
}
