/**
 * How long a sign-in lasts: next-auth's session and the sessions Tern mints itself (the BigCommerce
 * control panel's load). Its own module so that minting needs none of next-auth's providers.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
