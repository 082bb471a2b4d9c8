// BigCommerce's documentation names this callback remove_user; the SPEC's path is remove-user. Both work.
export { GET } from "../remove-user/route.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
