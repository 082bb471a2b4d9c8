import { adminPage } from "@/components/admin/admin-page.tsx";
import { TelegramSetup } from "@/components/admin/telegram-setup.tsx";
import { publicUrl } from "@/lib/bigcommerce-app/app-credentials.ts";
import { storefrontChatSnippet } from "@/lib/chat-links/storefront-snippet.ts";
import { db } from "@/lib/db/client.ts";
import { getTelegramBotStatus } from "@/lib/telegram/telegram-bot-status.ts";

export const dynamic = "force-dynamic";

export default function AdminTelegramPage() {
  return adminPage(["ADMIN"], async (actor) => {
    const store = await db().store.findUniqueOrThrow({ where: { id: actor.storeId }, select: { bigcommerceHash: true } });
    return (
      <TelegramSetup
        status={await getTelegramBotStatus(db(), { storeId: actor.storeId, publicUrl: publicUrl() })}
        chatLinkSnippet={storefrontChatSnippet(publicUrl(), store.bigcommerceHash)}
      />
    );
  });
}
