import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { listCustomerImports } from "@/lib/customers/import/get-customer-import.ts";
import { startCustomerImport } from "@/lib/customers/import/start-customer-import.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

const admins = { roles: ["ADMIN"] } as const;

/** The store's latest customer imports with their progress. */
export const GET = withApi(async ({ actor }) => json(await listCustomerImports(db(), { storeId: actor.storeId })), admins);

/** Queues a full import of the store's BigCommerce customers (the worker runs it). */
export const POST = withApi(async ({ actor }) => json({ import: await startCustomerImport(db(), { storeId: actor.storeId, userId: actor.userId }) }, 201), admins);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
