import type { ReactNode } from "react";
import { AdminFrame } from "@/components/admin/admin-frame.tsx";
import { StyledComponentsRegistry } from "@/components/admin/styled-registry.tsx";
import { pageAccess } from "@/lib/auth/page-actor.ts";
import { db } from "@/lib/db/client.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Tern · BigCommerce app" };

/** The in-admin pages (BigDesign, styled-components). Each page checks its own permission. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  // For the title bar and the tabs only: who is signed in, whatever the page decides.
  const { actor } = await pageAccess([]);
  const store = actor ? await db().store.findUnique({ where: { id: actor.storeId }, select: { name: true } }) : null;
  return (
    <StyledComponentsRegistry>
      <AdminFrame user={actor ? { name: actor.name, role: actor.role } : null} storeName={store?.name ?? null}>
        {children}
      </AdminFrame>
    </StyledComponentsRegistry>
  );
}
