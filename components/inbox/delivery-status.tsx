import { AlertIcon, CheckIcon, ClockIcon, PauseIcon, SendIcon } from "@/components/ui/icons.tsx";
import { cx } from "@/components/ui/cx.ts";
import type { DeliveryStatus as Status } from "@/lib/generated/prisma/enums.ts";

const STATES: Record<Status, { label: string; Icon: typeof CheckIcon; className: string }> = {
  QUEUED: { label: "Queued", Icon: ClockIcon, className: "text-slate-500" },
  SENDING: { label: "Sending", Icon: SendIcon, className: "text-slate-500" },
  SENT: { label: "Sent", Icon: CheckIcon, className: "text-emerald-700" },
  FAILED: { label: "Failed", Icon: AlertIcon, className: "text-red-700" },
  HELD: { label: "Held", Icon: PauseIcon, className: "text-amber-800" },
};

/** A reply's delivery state: an icon with its words next to it (failures and holds say why on hover). */
export function DeliveryStatus({ status, error }: { status: Status; error: string | null }) {
  const { label, Icon, className } = STATES[status];
  const detail = status === "HELD" ? (error ?? "Held: the customer blocked the bot") : error;
  return (
    <span data-testid="delivery-status" data-status={status} title={detail ?? label} className={cx("inline-flex items-center gap-1 text-[11px] font-medium", className)}>
      <Icon size={12} />
      <span>{label}</span>
      {detail && status === "FAILED" && <span className="sr-only">: {detail}</span>}
    </span>
  );
}
