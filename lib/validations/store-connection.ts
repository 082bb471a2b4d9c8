import { z } from "zod";

// BigCommerce access tokens are opaque letters and digits (31 today); a generous bound, no spaces.
const accessToken = z
  .string()
  .trim()
  .min(1, "Paste the access token of the API account")
  .max(200, "That is too long to be an access token")
  .regex(/^[A-Za-z0-9_-]+$/, "An access token is letters and digits only: copy it again from the API account");

const apiPath = z.string().max(300, "That is too long to be an API path");

/** PUT /api/v1/store/connection: connect the signed-in admin's store with a store API account. */
export const connectApiAccountBodySchema = z.strictObject({ apiPath, accessToken });

/** POST /api/connect: a store's first connection by API account, with its first Tern admin. */
export const firstStoreBodySchema = z.strictObject({
  apiPath,
  accessToken,
  setupCode: z.string().trim().min(1, "Enter the setup code").max(200),
  admin: z.strictObject({
    name: z.string().trim().min(1, "Enter your name").max(100),
    email: z.string().trim().toLowerCase().email("Enter an email address").max(320),
    password: z.string().min(12, "Choose a password of at least 12 characters").max(1024),
  }),
});
