"use client";

import { Button, Flex, Link, Panel, Table, Text } from "@bigcommerce/big-design";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { OrderActionDto } from "@/lib/order-actions/order-action-dto.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";

/** Refunds agents asked for above the store's threshold, waiting for a supervisor. */
export function RefundApprovals({ pending }: { pending: OrderActionDto[] }) {
  const action = useAdminAction();
  return (
    <Panel header="Refunds waiting for approval" description="Approving asks BigCommerce for a fresh quote: the refund runs only if it still comes to the requested amount.">
      <ActionMessages state={action} onClose={action.clear} />
      <Table<OrderActionDto>
        itemName="refunds"
        keyField="id"
        items={pending}
        emptyComponent={<Text>No refund is waiting.</Text>}
        columns={[
          { hash: "when", header: "Asked", width: 180, render: (refund) => new Date(refund.createdAt).toLocaleString() },
          { hash: "order", header: "Order", render: (refund) => <Link href={`/inbox?ticket=${refund.ticketId}`}>#{refund.orderId}</Link> },
          { hash: "amount", header: "Amount", render: (refund) => refund.amount },
          { hash: "by", header: "By", render: (refund) => refund.requestedBy?.name ?? "—" },
          { hash: "reason", header: "Reason", render: (refund) => refund.reason ?? "—" },
          {
            hash: "actions",
            header: "",
            width: 220,
            render: (refund) => (
              <Flex flexGap="0.5rem">
                <Button disabled={action.pending} onClick={() => action.run(() => apiFetch(`/api/v1/order-actions/${refund.id}/approve`, { method: "POST" }), `Refunded ${refund.amount}.`)}>
                  Approve
                </Button>
                <Button variant="subtle" actionType="destructive" disabled={action.pending} onClick={() => action.run(() => apiFetch(`/api/v1/order-actions/${refund.id}/reject`, { method: "POST" }), "Refund rejected.")}>
                  Reject
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </Panel>
  );
}
