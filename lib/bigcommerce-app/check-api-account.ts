import { isBigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { createBigcommerceClient, type BigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import { AppError } from "@/lib/errors.ts";
import { API_ACCOUNT_SCOPES, type ApiAccountScope } from "./api-account-scopes.ts";

export type CheckedApiAccount = {
  storeHash: string;
  storeName: string | null;
  /** The scopes BigCommerce let Tern use, space-separated (kept as the store's `scope`). */
  scope: string;
  /** Optional scopes the account lacks, in words: the connection works, these features do not. */
  missingOptional: string[];
};

const INFORMATION_SCOPE = "store_v2_information_read_only";

/** Why BigCommerce did not answer as hoped, in words an admin can act on; never the token. */
function upstreamProblem(error: unknown, storeHash: string): AppError {
  if (isBigcommerceApiError(error, 401)) {
    return new AppError("UNPROCESSABLE", `BigCommerce refused this access token for store ${storeHash}: copy the API path and the access token from the same API account (a deleted account's token no longer works)`);
  }
  if (isBigcommerceApiError(error, 404)) return new AppError("UNPROCESSABLE", `BigCommerce knows no store ${storeHash}: check the API path`);
  if (isBigcommerceApiError(error, 429)) return new AppError("RATE_LIMITED", "BigCommerce is limiting this store's API calls right now: try again in a minute");
  if (isBigcommerceApiError(error)) return new AppError("UPSTREAM_FAILED", `BigCommerce could not check the API account (it answered ${error.status}): try again in a few minutes`);
  return new AppError("UPSTREAM_FAILED", "BigCommerce could not be reached to check the API account: try again in a few minutes");
}

/** Whether BigCommerce lets this token use `entry`'s scope; any other failure stops the check. */
async function hasScope(client: BigcommerceClient, entry: ApiAccountScope, storeHash: string): Promise<boolean> {
  try {
    await entry.probe(client);
    return true;
  } catch (error) {
    if (isBigcommerceApiError(error, 403)) return false;
    // Asked about something that does not exist, and allowed to ask.
    if (isBigcommerceApiError(error, 404)) return true;
    throw upstreamProblem(error, storeHash);
  }
}

/**
 * Checks a store API account live, before Tern keeps anything: the token opens `GET /v2/store`
 * of this very store, and has every scope Tern needs. A missing required scope is refused with
 * each one named in words (422); optional ones are reported. BigCommerce's 401/404 become 422,
 * 429 stays 429, 5xx and network failures 502: never a 500. The token only goes to the
 * configured BigCommerce API (`apiUrl`), in the X-Auth-Token header.
 */
export async function checkApiAccount(input: { apiUrl: string; storeHash: string; accessToken: string }): Promise<CheckedApiAccount> {
  const client = createBigcommerceClient({
    apiUrl: input.apiUrl,
    storeHash: input.storeHash,
    accessToken: input.accessToken,
    // An admin is waiting: report a 429 at once rather than wait it out.
    maxRateLimitRetries: 0,
    timeoutMs: 10_000,
  });
  let storeName: string | null = null;
  let infoGranted = true;
  try {
    const info = await client.getStoreInfo();
    storeName = typeof info?.name === "string" && info.name.trim() ? info.name.trim().slice(0, 200) : null;
  } catch (error) {
    if (!isBigcommerceApiError(error, 403)) throw upstreamProblem(error, input.storeHash);
    infoGranted = false;
  }
  const granted: string[] = [];
  const missing: ApiAccountScope[] = [];
  for (const entry of API_ACCOUNT_SCOPES) {
    const ok = entry.scope === INFORMATION_SCOPE ? infoGranted : await hasScope(client, entry, input.storeHash);
    if (ok) granted.push(entry.scope);
    else missing.push(entry);
  }
  const missingRequired = missing.filter((entry) => entry.required);
  if (missingRequired.length) {
    throw new AppError(
      "UNPROCESSABLE",
      `This API account lacks ${missingRequired.length === 1 ? "a scope" : "scopes"} Tern needs: ${missingRequired.map((entry) => entry.words).join("; ")}. Edit the API account in BigCommerce (Settings → API accounts), or create one with these scopes.`,
      { missingScopes: missingRequired.map((entry) => ({ scope: entry.scope, words: entry.words })) },
    );
  }
  return { storeHash: input.storeHash, storeName, scope: granted.join(" "), missingOptional: missing.filter((entry) => !entry.required).map((entry) => entry.words) };
}
