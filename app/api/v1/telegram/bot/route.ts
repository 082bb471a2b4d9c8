import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { publicUrl } from "@/lib/bigcommerce-app/app-credentials.ts";
import { db } from "@/lib/db/client.ts";
import { connectTelegramBot } from "@/lib/telegram/connect-bot.ts";
import { disconnectTelegramBot } from "@/lib/telegram/disconnect-bot.ts";
import { getTelegramBotStatus } from "@/lib/telegram/telegram-bot-status.ts";
import { connectTelegramBotBodySchema } from "@/lib/validations/bigcommerce-app.ts";

export const runtime = "nodejs";

const admins = { roles: ["ADMIN"] } as const;

export const GET = withApi(async ({ actor }) => json({ bot: await getTelegramBotStatus(db(), { storeId: actor.storeId, publicUrl: publicUrl() }) }), admins);

export const PUT = withApi(async ({ request, actor }) => {
  const body = connectTelegramBotBodySchema.parse(await readJson(request));
  return json({ bot: await connectTelegramBot(db(), { storeId: actor.storeId, actorId: actor.userId, token: body.token, staffChatId: body.staffChatId, publicUrl: publicUrl() }) });
}, admins);

export const DELETE = withApi(async ({ actor }) => {
  await disconnectTelegramBot(db(), { storeId: actor.storeId, actorId: actor.userId });
  return new Response(null, { status: 204 });
}, admins);

const notAllowed = methodNotAllowed(["GET", "PUT", "DELETE"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
