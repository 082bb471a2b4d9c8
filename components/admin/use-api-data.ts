"use client";

import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";

export type ApiData<T> = { data: T | null; error: string | null; loading: boolean; reload: () => void };

type State<T> = { data: T | null; error: string | null; loading: boolean };

/** Reads an /api/v1 resource for an admin page (the same routes the Tailwind settings pages use). */
export function useApiData<T>(path: string): ApiData<T> {
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: true });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    apiFetch<T>(path).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (failure: unknown) => current && setState((previous) => ({ ...previous, error: failure instanceof Error ? failure.message : "Could not load", loading: false })),
    );
    return () => {
      current = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { ...state, reload };
}
