"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/components/ui/api-fetch.ts";

export type ActionState = { pending: boolean; error: string | null; done: string | null };

/**
 * Runs a change against /api/v1 from an admin page, keeps its pending/error/success state for a
 * BigDesign message, and re-renders the server page's data afterwards.
 */
export function useAdminAction() {
  const router = useRouter();
  const [state, setState] = useState<ActionState>({ pending: false, error: null, done: null });
  async function run<T>(action: () => Promise<T>, doneText?: string): Promise<T | undefined> {
    setState({ pending: true, error: null, done: null });
    try {
      const result = await action();
      setState({ pending: false, error: null, done: doneText ?? null });
      router.refresh();
      return result;
    } catch (error) {
      setState({ pending: false, error: error instanceof ApiError || error instanceof Error ? error.message : "Something went wrong", done: null });
      return undefined;
    }
  }
  const clear = () => setState({ pending: false, error: null, done: null });
  return { ...state, run, clear };
}
