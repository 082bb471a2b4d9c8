import { runtimeConfig, type RuntimeConfig } from "@/lib/config/runtime-config.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";

// The demo's admin, as the emulated control panel knows them (their BigCommerce user id).
const DEMO_ADMIN_BIGCOMMERCE_ID = 1;

/**
 * Where an admin opens Tern's in-admin pages the way a store admin does: the control panel, which
 * loads the app through its real `load` callback. Known in demo mode (the emulated control panel);
 * null elsewhere, and for anyone who is not an admin.
 */
export function storeAdminLink(user: { role: Role; email: string }, config: RuntimeConfig = runtimeConfig()): string | null {
  if (user.role !== "ADMIN" || !config.controlPanel) return null;
  const query = new URLSearchParams({ app: `${config.publicUrl}/api/bigcommerce/load`, user_id: String(DEMO_ADMIN_BIGCOMMERCE_ID), email: user.email });
  return `${config.controlPanel.appOpenUrl}?${query.toString()}`;
}
