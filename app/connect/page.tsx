import Link from "next/link";
import { FirstConnectionForm } from "@/components/connect/first-connection-form.tsx";
import { StoreConnectionPanel } from "@/components/connect/store-connection-panel.tsx";
import { pageAccess } from "@/lib/auth/page-actor.ts";
import { getStoreConnection } from "@/lib/bigcommerce-app/store-connection.ts";
import { getWebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import { db } from "@/lib/db/client.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Tern · Connect a store" };

/**
 * Connecting a store with a store API account, outside the BigCommerce control panel. Signed out:
 * a store's first connection (setup code, then the account checked live) with its first admin.
 * A signed-in admin: the connection's health, reconnect or switch to an API account, disconnect.
 */
export default async function ConnectPage() {
  const { actor } = await pageAccess(["ADMIN"]);
  let body: React.ReactNode;
  if (!actor) {
    body = (
      <>
        <p className="mb-4 text-sm text-slate-600">
          Connect your BigCommerce store with a store API account: no app to install, any plan, headless stores too. Already have a Tern account?{" "}
          <Link href="/login" className="font-medium text-tern-700 underline">
            Sign in
          </Link>{" "}
          and come back here.
        </p>
        <FirstConnectionForm />
      </>
    );
  } else if (actor.role !== "ADMIN") {
    body = (
      <p className="text-sm text-slate-700" data-testid="connect-forbidden">
        Only a Tern admin of the store can change its connection.{" "}
        <Link href="/inbox" className="font-medium text-tern-700 underline">
          Back to the inbox
        </Link>
      </p>
    );
  } else {
    const [store, health] = await Promise.all([getStoreConnection(db(), actor.storeId), getWebhookHealth(db(), actor.storeId)]);
    body = <StoreConnectionPanel store={store} health={health} />;
  }
  return (
    <main className="mx-auto w-full max-w-2xl p-4 sm:p-8">
      <h1 className="mb-1 text-2xl font-semibold">Connect a store</h1>
      <p className="mb-6 text-sm text-slate-500">
        Prefer the single-click app? Install Tern from the BigCommerce control panel instead (README, “Connect a store”).{" "}
        {actor ? (
          <Link href="/inbox" className="text-tern-700 underline">
            Inbox
          </Link>
        ) : null}
      </p>
      {body}
    </main>
  );
}
