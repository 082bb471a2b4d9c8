import type { SessionSubject } from "@/lib/auth/mint-session-cookie.ts";
import { checkLoginAllowed, recordFailedLogin } from "@/lib/auth/login-rate-limit.ts";
import { hashPassword } from "@/lib/auth/password.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { checkApiAccount } from "./check-api-account.ts";
import { storeHashOf, type ApiAccountInput, type ConnectContext, type ConnectedApiAccount } from "./connect-api-account.ts";
import { saveStoreCredentialsInTx } from "./save-store-credentials.ts";
import { setupCodeMatches } from "./setup-code.ts";
import { getStoreConnection } from "./store-connection.ts";
import { syncStoreWebhooks } from "./sync-store-webhooks.ts";

export type FirstStoreInput = ApiAccountInput & { setupCode: string; admin: { name: string; email: string; password: string } };

export type FirstStore = ConnectedApiAccount & { user: SessionSubject };

// Wrong setup codes count with failed sign-ins from the same address (lib/auth/login-rate-limit.ts).
const SETUP_ATTEMPT_KEY = "first-store-setup-code";

/**
 * A store's first connection by API account, by someone Tern does not know yet: a store that
 * never installed the app has no BigCommerce staff to sign in, so its first Tern admin is made
 * here, with a password. Two proofs are asked, in this order: the setup code (only whoever runs
 * this Tern can read it, so strangers cannot open tenants here nor use Tern to test tokens), then
 * the API account itself, checked live (control of the store). It only creates: a store Tern
 * already has is changed by one of its signed-in admins, never taken over from outside (409).
 */
export async function setUpFirstStore(db: Db, input: FirstStoreInput, context: ConnectContext & { expectedSetupCode: string; address: string }): Promise<FirstStore> {
  if (!context.expectedSetupCode) throw new AppError("NOT_FOUND", "Connecting a first store from outside is turned off here: sign in as a Tern admin of the store");
  const key = { email: SETUP_ATTEMPT_KEY, address: context.address };
  const attempt = await checkLoginAllowed(key);
  if (!attempt.allowed) throw new AppError("RATE_LIMITED", `Too many wrong setup codes. Try again in ${attempt.retryAfterSeconds} seconds.`);
  if (!setupCodeMatches(input.setupCode, context.expectedSetupCode)) {
    await recordFailedLogin(key);
    throw new AppError("FORBIDDEN", "That setup code is not this Tern's: whoever runs Tern finds it in the data directory (setup-code.secret) or in TERN_SETUP_CODE");
  }

  const storeHash = storeHashOf(input.apiPath, context.apiUrl);
  const known = await db.store.findUnique({ where: { bigcommerceHash: storeHash }, select: { id: true } });
  if (known) throw new AppError("CONFLICT", `Tern already has store ${storeHash}: sign in as one of its Tern admins to change its connection`);
  const checked = await checkApiAccount({ apiUrl: context.apiUrl, storeHash, accessToken: input.accessToken });
  const passwordHash = await hashPassword(input.admin.password);
  const email = input.admin.email.trim().toLowerCase();

  const { storeId, user } = await db.$transaction(async (tx) => {
    const { store, previousStatus } = await saveStoreCredentialsInTx(tx, { storeHash, accessToken: input.accessToken, scope: checked.scope, kind: "API_ACCOUNT", storeName: checked.storeName });
    // Another first connection of the same store won the race: it keeps the store.
    if (previousStatus !== null) throw new AppError("CONFLICT", `Tern already has store ${storeHash}: sign in as one of its Tern admins to change its connection`);
    const row = await tx.user.create({
      data: { storeId: store.id, email, name: input.admin.name.trim(), role: "ADMIN", passwordHash },
      select: { id: true, storeId: true, role: true, name: true, email: true },
    });
    await tx.auditLog.create({
      data: { storeId: store.id, actorId: row.id, action: "store.connected_api_account", targetType: "Store", targetId: store.id, detail: { scope: checked.scope, previousStatus: null, firstAdmin: true } },
    });
    return { storeId: store.id, user: row };
  });
  const webhooks = await syncStoreWebhooks(db, { storeId, publicUrl: context.publicUrl });
  return { connection: await getStoreConnection(db, storeId), webhooks, missingOptional: checked.missingOptional, user };
}
