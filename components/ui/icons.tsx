import type { SVGProps } from "react";

// A few stroke icons (24-unit grid, currentColor). Decorative by default: callers that carry
// meaning with an icon alone give it a label (see delivery-status.tsx).

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function make(paths: string[], displayName: string) {
  function Icon({ size = 16, ...props }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  }
  Icon.displayName = displayName;
  return Icon;
}

export const CheckIcon = make(["M20 6 9 17l-5-5"], "CheckIcon");
export const CheckCheckIcon = make(["M18 6 7 17l-5-5", "m22 10-7.5 7.5L13 16"], "CheckCheckIcon");
export const ClockIcon = make(["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M12 6v6l4 2"], "ClockIcon");
export const AlertIcon = make(["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M12 8v4", "M12 16h.01"], "AlertIcon");
export const PauseIcon = make(["M10 4H6v16h4z", "M18 4h-4v16h4z"], "PauseIcon");
export const SendIcon = make(["m22 2-7 20-4-9-9-4z", "M22 2 11 13"], "SendIcon");
export const LockIcon = make(["M5 11h14v10H5z", "M7 11V7a5 5 0 0 1 10 0v4"], "LockIcon");
export const SearchIcon = make(["M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16z", "m21 21-4.3-4.3"], "SearchIcon");
export const XIcon = make(["M18 6 6 18", "m6 6 12 12"], "XIcon");
export const RefreshIcon = make(["M21 12a9 9 0 0 1-15.5 6.2L3 16", "M3 12a9 9 0 0 1 15.5-6.2L21 8", "M21 3v5h-5", "M3 21v-5h5"], "RefreshIcon");
export const ExternalIcon = make(["M15 3h6v6", "M10 14 21 3", "M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6"], "ExternalIcon");
export const FileIcon = make(["M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z", "M14 2v6h6"], "FileIcon");
export const MoonIcon = make(["M12 3a6 6 0 0 0 9 9 9 9 0 1 1-9-9z"], "MoonIcon");
export const ArrowUpIcon = make(["M12 19V5", "m5 12 7-7 7 7"], "ArrowUpIcon");
export const MergeIcon = make(["M6 3v6a6 6 0 0 0 6 6h6", "m15 12 3 3-3 3", "M6 21v-6"], "MergeIcon");
export const HandIcon = make(["M18 11V6a2 2 0 0 0-4 0v5", "M14 10V4a2 2 0 0 0-4 0v6", "M10 10.5V6a2 2 0 0 0-4 0v8", "M18 8a2 2 0 1 1 4 0v6a8 8 0 0 1-8 8h-2c-2.8 0-4.5-.9-6-2.4l-3.6-3.6a2 2 0 0 1 2.8-2.8L7 15"], "HandIcon");
export const KeyboardIcon = make(["M2 6h20v12H2z", "M6 10h.01", "M10 10h.01", "M14 10h.01", "M18 10h.01", "M7 14h10"], "KeyboardIcon");
export const PackageIcon = make(["m7.5 4.3 9 5.2", "M21 8 12 3 3 8v8l9 5 9-5z", "M3.3 7 12 12l8.7-5", "M12 22V12"], "PackageIcon");
export const TruckIcon = make(["M1 3h15v13H1z", "M16 8h4l3 3v5h-7z", "M5.5 21a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z", "M18.5 21a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z"], "TruckIcon");
export const BookIcon = make(["M4 19.5A2.5 2.5 0 0 1 6.5 17H20V2H6.5A2.5 2.5 0 0 0 4 4.5z", "M4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5"], "BookIcon");
export const TemplateIcon = make(["M3 3h18v18H3z", "M3 9h18", "M9 21V9"], "TemplateIcon");
export const PlusIcon = make(["M12 5v14", "M5 12h14"], "PlusIcon");
export const ChevronDownIcon = make(["m6 9 6 6 6-6"], "ChevronDownIcon");
export const StarIcon = make(["m12 2 3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2L5.8 21 7 14.2 2 9.3l6.9-1z"], "StarIcon");
export const ChevronLeftIcon = make(["m15 18-6-6 6-6"], "ChevronLeftIcon");
export const MenuIcon = make(["M4 6h16", "M4 12h16", "M4 18h16"], "MenuIcon");
