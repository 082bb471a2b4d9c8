import { BigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { BigcommerceScript } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { storefrontChatSnippet } from "@/lib/chat-links/storefront-snippet.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { storeBotUsername } from "./issue-start-link.ts";

export const STOREFRONT_SCRIPT_NAME = "Tern: Chat with us on Telegram";

// Scripts on the order-confirmation page need the Checkout content scope (read-write).
const CHECKOUT_CONTENT_SCOPE = "store_content_checkout";

/**
 * Puts the "Chat with us on Telegram" link on the store's order-confirmation page through the
 * Scripts API, replacing Tern's earlier one. Refused in words when the app's token lacks the
 * scope: the admin can paste the snippet in Script Manager instead.
 */
export async function installStorefrontScript(db: Db, input: { storeId: string; actorId: string; publicUrl: string }): Promise<BigcommerceScript> {
  const store = await db.store.findUnique({ where: { id: input.storeId }, select: { bigcommerceHash: true, scope: true } });
  if (!store) throw new AppError("NOT_FOUND", "Store not found");
  await storeBotUsername(db, input.storeId);
  if (!(store.scope ?? "").split(/\s+/).includes(CHECKOUT_CONTENT_SCOPE)) {
    throw new AppError(
      "UNPROCESSABLE",
      `Tern's access to BigCommerce lacks the Checkout content scope (${CHECKOUT_CONTENT_SCOPE}), which scripts on the order confirmation page need. Paste the snippet under Storefront → Script Manager instead, or grant the scope and install the app again.`,
    );
  }
  const client = await bigcommerceClientForStore(db, input.storeId);
  if (!client) throw new AppError("UNPROCESSABLE", "BigCommerce is not connected for this store");
  try {
    for (const earlier of (await client.listScripts()).filter((script) => script.name === STOREFRONT_SCRIPT_NAME)) await client.deleteScript(earlier.uuid);
    const script = await client.createScript({
      name: STOREFRONT_SCRIPT_NAME,
      description: "Lets shoppers open the store's Telegram chat verified for the order they just placed (added by Tern).",
      html: storefrontChatSnippet(input.publicUrl, store.bigcommerceHash),
      kind: "script_tag",
      location: "footer",
      visibility: "order_confirmation",
      consent_category: "essential",
      auto_uninstall: true,
      load_method: "default",
    });
    await db.auditLog.create({
      data: { storeId: input.storeId, actorId: input.actorId, action: "telegram.storefront_script_installed", targetType: "Store", targetId: input.storeId, detail: { scriptUuid: script.uuid } },
      select: { id: true },
    });
    return script;
  } catch (error) {
    if (error instanceof BigcommerceApiError) throw new AppError("UPSTREAM_FAILED", `BigCommerce refused the script (HTTP ${error.status}): ${error.message}`);
    throw error;
  }
}
