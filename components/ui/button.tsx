import type { ButtonHTMLAttributes } from "react";
import { cx } from "./cx.ts";
import { focusRing } from "./styles.ts";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "xs" | "sm" | "md" | "lg";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-tern-600 text-white hover:bg-tern-700 disabled:bg-tern-600/50",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-400",
  danger: "border border-red-200 bg-white text-red-700 hover:bg-red-50 disabled:text-red-300",
};

const SIZES: Record<Size, string> = {
  xs: "h-6 gap-1 px-1.5 text-xs",
  sm: "h-7 gap-1.5 px-2.5 text-[13px]",
  md: "h-8 gap-2 px-3 text-sm",
  // 44 px: a touch target for a thumb.
  lg: "h-11 gap-2 px-3 text-sm",
};

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size };

export function Button({ variant = "secondary", size = "sm", className, type = "button", ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        "inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md font-medium transition-colors disabled:cursor-not-allowed",
        focusRing,
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
