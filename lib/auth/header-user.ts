import { storeAdminLink } from "@/lib/bigcommerce-app/store-admin-link.ts";
import type { SessionUser } from "./auth-options.ts";

/** Who the header of a signed-in page shows, and the links only they get. */
export function headerUser(user: SessionUser): { id: string; name: string; role: string; storeAdminUrl: string | null } {
  return { id: user.id, name: user.name, role: user.role, storeAdminUrl: storeAdminLink(user) };
}
