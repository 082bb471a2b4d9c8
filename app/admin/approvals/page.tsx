import { adminPage } from "@/components/admin/admin-page.tsx";
import { RefundApprovals } from "@/components/admin/refund-approvals.tsx";
import { db } from "@/lib/db/client.ts";
import { listOrderActions } from "@/lib/order-actions/list-order-actions.ts";

export const dynamic = "force-dynamic";

export default function AdminApprovalsPage() {
  return adminPage(["ADMIN", "SUPERVISOR"], async (actor) => <RefundApprovals pending={await listOrderActions(db(), { storeId: actor.storeId, status: "PENDING_APPROVAL" })} />);
}
