import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { ChevronLeftIcon } from "@/components/ui/icons.tsx";

/** The bar above a pane where the panes take turns (phones, tablets): Back on the left, the next pane on the right. */
export function PaneBar({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cx("flex min-h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2", className)}>{children}</div>;
}

/** A pane switch big enough for a thumb (44 px, the touch-target size Apple and WCAG ask for). */
export function PaneButton(props: ButtonProps) {
  return <Button variant="ghost" size="lg" {...props} />;
}

export function BackButton({ label, onClick, className }: { label: string; onClick: () => void; className?: string }) {
  return (
    <PaneButton onClick={onClick} className={className}>
      <ChevronLeftIcon size={18} /> {label}
    </PaneButton>
  );
}
