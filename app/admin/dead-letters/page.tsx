import { adminPage } from "@/components/admin/admin-page.tsx";
import { DeadLettersAdmin } from "@/components/admin/dead-letters-admin.tsx";

export const dynamic = "force-dynamic";

export default function AdminDeadLettersPage() {
  return adminPage(["ADMIN", "SUPERVISOR"], async () => <DeadLettersAdmin />);
}
