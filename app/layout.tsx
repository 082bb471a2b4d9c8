import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Tern",
  description: "Helpdesk for BigCommerce stores on Telegram",
};

// With the on-screen keyboard open a phone shrinks the page rather than covering it, so the inbox's
// composer (at the foot of a full-height page) stays above the keyboard.
export const viewport: Viewport = { width: "device-width", initialScale: 1, interactiveWidget: "resizes-content" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
