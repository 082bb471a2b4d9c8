import { adminPage } from "@/components/admin/admin-page.tsx";
import { RoutingAdmin } from "@/components/admin/routing-admin.tsx";

export const dynamic = "force-dynamic";

export default function AdminRoutingPage() {
  return adminPage(["ADMIN", "SUPERVISOR"], async () => <RoutingAdmin />);
}
