import { adminPage } from "@/components/admin/admin-page.tsx";
import { ApiTokensAdmin } from "@/components/admin/api-tokens-admin.tsx";
import { listApiTokens } from "@/lib/auth/list-api-tokens.ts";
import { db } from "@/lib/db/client.ts";

export const dynamic = "force-dynamic";

export default function AdminApiTokensPage() {
  return adminPage(["ADMIN"], async (actor) => <ApiTokensAdmin tokens={await listApiTokens(db(), actor.storeId)} />);
}
