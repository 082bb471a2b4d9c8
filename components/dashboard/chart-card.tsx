import type { ReactNode } from "react";
import { cardClass, cardTitleClass, cx } from "@/components/supervisor/ui-classes.ts";

export function ChartCard({ title, subtitle, children, className, testId }: { title: string; subtitle?: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section className={cx(cardClass, "flex min-w-0 flex-col", className)} data-testid={testId} aria-label={title}>
      <header className="mb-3 flex items-baseline justify-between gap-2">
        <h2 className={cardTitleClass}>{title}</h2>
        {subtitle ? <p className="text-xs text-slate-500">{subtitle}</p> : null}
      </header>
      {children}
    </section>
  );
}

export function EmptyChart({ text }: { text: string }) {
  return <p className="grid h-40 place-items-center text-[13px] text-slate-500">{text}</p>;
}
