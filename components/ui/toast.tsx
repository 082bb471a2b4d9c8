"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { XIcon } from "./icons.tsx";
import { cx } from "./cx.ts";
import { focusRing } from "./styles.ts";

type Toast = { id: number; tone: "error" | "info"; text: string };
type ToastApi = { error: (text: string) => void; info: (text: string) => void };

const ToastContext = createContext<ToastApi | null>(null);
const TOAST_MS = 6_000;

/** Short messages after an action (errors stay until read or 6 s), announced to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (tone: Toast["tone"], text: string) => {
      const id = Date.now() + Math.random();
      setToasts((list) => [...list.slice(-3), { id, tone, text }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(() => ({ error: (text) => push("error", text), info: (text) => push("info", text) }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* On a phone, over the top bar: at the foot they would cover the composer's Send. */}
      <div className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2 max-md:inset-x-2 max-md:bottom-auto max-md:top-1 max-md:w-auto">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === "error" ? "alert" : "status"}
            className={cx(
              "pointer-events-auto flex items-start gap-2 rounded-md border px-3 py-2 text-[13px] shadow-lg",
              toast.tone === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-slate-200 bg-white text-slate-800",
            )}
          >
            <p className="flex-1">{toast.text}</p>
            <button type="button" onClick={() => dismiss(toast.id)} aria-label="Dismiss" className={cx("rounded p-0.5 opacity-70 hover:opacity-100", focusRing)}>
              <XIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs a ToastProvider");
  return api;
}
