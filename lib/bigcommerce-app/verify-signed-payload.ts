import { errors, jwtVerify } from "jose";
import { z } from "zod";
import { AppError } from "@/lib/errors.ts";

/**
 * `signed_payload_jwt` of the load, uninstall and remove_user callbacks (APIS.md, "BigCommerce
 * app install"): HS256 with the app's client secret, `aud` = client id, `iss` = "bc",
 * `sub` = "stores/{hash}", and the usual time claims.
 */

// Ids and emails are stored as they come: an id past the INT column or a NUL PostgreSQL cannot store must be a 401, not a 500.
const userId = z.coerce.number().int().positive().max(2_147_483_647);
const email = z.string().max(320).regex(/^[^\u0000]*$/, "email must not contain NUL");

const claimsSchema = z.object({
  aud: z.string(),
  sub: z.string().regex(/^stores\/[A-Za-z0-9]+$/, "sub must be stores/{hash}"),
  user: z.object({ id: userId, email, locale: z.string().optional() }),
  owner: z.object({ id: userId, email }),
  url: z.string().optional(),
  channel_id: z.number().nullish(),
  // Each payload is accepted once (claim-signed-payload.ts): its id and when it stops mattering.
  jti: z.string().min(1).max(200).regex(/^[^\u0000]*$/, "jti must not contain NUL"),
  exp: z.number(),
});

export type SignedPayload = {
  storeHash: string;
  user: { id: number; email: string; locale?: string };
  owner: { id: number; email: string };
  /** The control-panel path the user opened the app from, when BigCommerce sends one. */
  url?: string;
  /** The token's own id and expiry: a load link is accepted once. */
  jti: string;
  expiresAt: Date;
};

export type AppCredentials = { clientId: string; clientSecret: string };

// BigCommerce signs the payload the moment it redirects; its clock and ours may differ a little.
const CLOCK_TOLERANCE_SECONDS = 60;
// BigCommerce's tokens live 24 h; one claiming longer was not made by BigCommerce.
const MAX_TOKEN_AGE = "25h";

function reject(reason: string): never {
  throw new AppError("UNAUTHORIZED", `signed_payload_jwt refused: ${reason}`);
}

export async function verifySignedPayload(jwt: string | null | undefined, app: AppCredentials, now: Date = new Date()): Promise<SignedPayload> {
  if (!jwt) reject("missing");
  let payload: Record<string, unknown>;
  try {
    const verified = await jwtVerify(jwt, new TextEncoder().encode(app.clientSecret), {
      algorithms: ["HS256"],
      audience: app.clientId,
      issuer: "bc",
      requiredClaims: ["aud", "sub", "iat", "nbf", "exp", "jti"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: MAX_TOKEN_AGE,
      currentDate: now,
    });
    payload = verified.payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) reject("expired");
    if (error instanceof errors.JWTClaimValidationFailed) reject(`claim ${error.claim} is not valid`);
    if (error instanceof errors.JWSSignatureVerificationFailed) reject("bad signature");
    reject("not a valid HS256 token");
  }
  // Checked again by hand, not only through the library option: a payload for another app must never pass.
  if (payload.aud !== app.clientId) reject("wrong audience");
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) reject(claims.error.issues[0]?.message ?? "claims are not valid");
  const { sub, user, owner, url, jti, exp } = claims.data;
  return { storeHash: sub.slice("stores/".length), user, owner, ...(url ? { url } : {}), jti, expiresAt: new Date(exp * 1000) };
}
