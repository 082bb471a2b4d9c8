import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

export type SignPayloadInput = {
  clientId: string;
  clientSecret: string;
  storeHash: string;
  user: { id: number; email: string };
  owner?: { id: number; email: string };
  /** Seconds since the epoch; defaults to now. */
  issuedAt?: number;
  /** Lifetime in seconds; BigCommerce uses 24 h. */
  expiresIn?: number;
  /** Overrides for tests of refused payloads (another audience, subject or issuer). */
  claims?: Record<string, unknown>;
};

/**
 * A `signed_payload_jwt` as BigCommerce sends to load, uninstall and remove_user: HS256 with the
 * client secret, the claims of APIS.md ("BigCommerce app install").
 */
export async function signPayload(input: SignPayloadInput): Promise<string> {
  const iat = input.issuedAt ?? Math.floor(Date.now() / 1000);
  const owner = input.owner ?? input.user;
  // Claims as one object, overrides last: tests of refused payloads replace any of them.
  return new SignJWT({
    aud: input.clientId,
    iss: "bc",
    sub: `stores/${input.storeHash}`,
    iat,
    nbf: iat,
    exp: iat + (input.expiresIn ?? 24 * 60 * 60),
    jti: randomUUID(),
    user: { id: input.user.id, email: input.user.email, locale: "en-US" },
    owner: { id: owner.id, email: owner.email },
    url: "/",
    channel_id: null,
    ...input.claims,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(input.clientSecret));
}
