import { randomBytes, randomUUID } from "node:crypto";
import { APP_CLIENT_ID } from "./emulated-api-account.ts";
import type { EmulatedStore } from "./emulated-store.ts";
import type { RouteResult } from "./emulator-routes.ts";
import { signPayload } from "./sign-payload.ts";

export type EmulatedApp = { clientId: string; clientSecret: string };

export type EmulatedPerson = { id: number; email: string; username?: string };

type PendingCode = { storeHash: string; scope: string; user: EmulatedPerson; owner: EmulatedPerson; accountUuid: string };

export type TokenExchange = { at: Date; storeHash: string | null; status: number; redirectUri: string | null };

/** What the emulated app is granted unless a test asks otherwise (including the storefront scripts' content scopes). */
export const EMULATED_APP_SCOPE = "store_v2_orders store_v2_transactions store_v2_customers store_v2_information_read store_v2_content store_content_checkout store_v2_products_read_only store_cart";

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * BigCommerce's side of the single-click install (APIS.md, "BigCommerce app install"): it hands
 * the app a one-time `code` on /auth, exchanges it at `POST /oauth2/token` for the store's access
 * token, and signs the `signed_payload_jwt` of load, uninstall and remove_user with the client
 * secret. Uninstalling deletes the app's hooks and revokes its token, as BigCommerce does.
 */
export class EmulatedOauth {
  private readonly codes = new Map<string, PendingCode>();
  readonly exchanges: TokenExchange[] = [];

  constructor(
    readonly app: EmulatedApp,
    private readonly storeFor: (hash: string) => EmulatedStore,
  ) {}

  /** What BigCommerce appends to the app's auth callback URL when a merchant clicks Install. */
  installQuery(input: { storeHash: string; user: EmulatedPerson; owner?: EmulatedPerson; scope?: string }): URLSearchParams {
    const code = randomBytes(16).toString("hex");
    const scope = input.scope ?? EMULATED_APP_SCOPE;
    const accountUuid = randomUUID();
    this.codes.set(code, { storeHash: input.storeHash, scope, user: input.user, owner: input.owner ?? input.user, accountUuid });
    return new URLSearchParams({ code, scope, context: `stores/${input.storeHash}`, account_uuid: accountUuid });
  }

  /** `POST /oauth2/token`: one use per code; the store gets a fresh access token (the old one stops working). */
  exchange(rawBody: unknown): RouteResult {
    const body = record(rawBody);
    const code = typeof body.code === "string" ? body.code : "";
    const pending = this.codes.get(code);
    const refuse = (status: number, error: string): RouteResult => {
      this.exchanges.push({ at: new Date(), storeHash: pending?.storeHash ?? null, status, redirectUri: typeof body.redirect_uri === "string" ? body.redirect_uri : null });
      return { status, body: { error } };
    };
    if (body.client_id !== this.app.clientId || body.client_secret !== this.app.clientSecret) return refuse(401, "invalid_client");
    if (body.grant_type !== "authorization_code") return refuse(400, "unsupported_grant_type");
    if (!pending) return refuse(400, "invalid_grant");
    if (body.context !== `stores/${pending.storeHash}`) return refuse(400, "invalid_grant");
    if (typeof body.redirect_uri !== "string" || !body.redirect_uri) return refuse(400, "invalid_request");
    this.codes.delete(code);
    const store = this.storeFor(pending.storeHash);
    store.accessToken = `emulated-${randomBytes(12).toString("hex")}`;
    this.exchanges.push({ at: new Date(), storeHash: pending.storeHash, status: 200, redirectUri: body.redirect_uri });
    const person = (value: EmulatedPerson) => ({ id: value.id, username: value.username ?? value.email.split("@")[0], email: value.email });
    return {
      status: 200,
      body: {
        access_token: store.accessToken,
        scope: pending.scope,
        user: person(pending.user),
        owner: person(pending.owner),
        context: `stores/${pending.storeHash}`,
        account_uuid: pending.accountUuid,
      },
    };
  }

  /** A `signed_payload_jwt` for load, uninstall or remove_user of this store. */
  signedPayload(input: { storeHash: string; user: EmulatedPerson; owner?: EmulatedPerson; issuedAt?: number; expiresIn?: number; claims?: Record<string, unknown> }): Promise<string> {
    return signPayload({ ...input, clientId: this.app.clientId, clientSecret: this.app.clientSecret });
  }

  /** The merchant uninstalls: the app's hooks go, its token stops working; returns the payload BigCommerce sends to /uninstall. */
  uninstall(input: { storeHash: string; user: EmulatedPerson; owner?: EmulatedPerson }): Promise<string> {
    const store = this.storeFor(input.storeHash);
    for (const hook of store.hooksOf(APP_CLIENT_ID)) store.hooks.delete(hook.id);
    store.accessToken = `revoked-${randomBytes(12).toString("hex")}`;
    return this.signedPayload(input);
  }
}
