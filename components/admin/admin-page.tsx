import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import type { ApiActor } from "@/lib/auth/authenticate-request.ts";
import { pageAccess } from "@/lib/auth/page-actor.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { AccessNotice } from "./access-notice.tsx";

/**
 * The permission check of an admin page (in the page, not the layout): renders the page for the
 * allowed roles, a notice for other roles, and for nobody a sign-in — or, inside the control
 * panel's iframe where the password form cannot work, a pointer back to BigCommerce.
 */
export async function adminPage(roles: readonly Role[], render: (actor: ApiActor) => Promise<ReactNode>): Promise<ReactNode> {
  const access = await pageAccess(roles);
  if (access.allowed) return render(access.actor);
  if (access.actor) return <AccessNotice reason="forbidden" />;
  if (access.embedded) return <AccessNotice reason="signed-out" />;
  redirect("/login");
}
