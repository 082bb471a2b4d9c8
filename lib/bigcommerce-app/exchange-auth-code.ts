import { z } from "zod";
import { AppError } from "@/lib/errors.ts";
import type { AppConfig } from "./app-credentials.ts";

export type AuthCallbackQuery = { code: string; scope: string; context: string; accountUuid?: string };

export type GrantedToken = {
  accessToken: string;
  scope: string;
  storeHash: string;
  accountUuid: string | null;
  user: { id: number; email: string; username: string | null };
  owner: { id: number; email: string; username: string | null } | null;
};

const person = z.object({ id: z.coerce.number().int().positive(), email: z.string().max(320), username: z.string().nullish() });

const tokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string().default(""),
  context: z.string().regex(/^stores\/[A-Za-z0-9]+$/),
  account_uuid: z.string().nullish(),
  user: person,
  owner: person.nullish(),
});

/**
 * The OAuth step of the install: BigCommerce's `code` becomes a store access token at
 * `{BIGCOMMERCE_LOGIN_URL}/oauth2/token` (APIS.md, "BigCommerce app install"). A refused or
 * unreadable answer is the installer's problem to retry (401/422), never a 500.
 */
export async function exchangeAuthCode(app: AppConfig, query: AuthCallbackQuery, fetchImpl: typeof fetch = fetch): Promise<GrantedToken> {
  let response: Response;
  try {
    response = await fetchImpl(`${app.loginUrl}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        client_id: app.clientId,
        client_secret: app.clientSecret,
        code: query.code,
        context: query.context,
        scope: query.scope,
        grant_type: "authorization_code",
        redirect_uri: `${app.publicUrl}/api/bigcommerce/auth`,
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new AppError("UNPROCESSABLE", "BigCommerce's login service could not be reached; try installing again");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new AppError("UNAUTHORIZED", `BigCommerce refused the install code (HTTP ${response.status}); open the app again from the control panel`);
  }
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) throw new AppError("UNPROCESSABLE", "BigCommerce's token answer was not understood");
  const token = parsed.data;
  if (token.context !== query.context) throw new AppError("UNAUTHORIZED", "BigCommerce granted a token for another store than the one installing");
  const toPerson = (value: z.infer<typeof person>) => ({ id: value.id, email: value.email, username: value.username ?? null });
  return {
    accessToken: token.access_token,
    scope: token.scope,
    storeHash: token.context.slice("stores/".length),
    accountUuid: token.account_uuid ?? query.accountUuid ?? null,
    user: toPerson(token.user),
    owner: token.owner ? toPerson(token.owner) : null,
  };
}
