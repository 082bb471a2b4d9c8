import { RateLimiterRes } from "rate-limiter-flexible";
import { prismaRateLimiters } from "@/lib/server/prisma-rate-limiters.ts";

// Self-service actions per chat, in PostgreSQL so every instance shares the count. Most of them
// call BigCommerce, whose quota the store shares with every other app: one chat pressing buttons
// in a loop must not spend it. A whole search → cart → checkout → address change takes about ten.
const limitersFor = prismaRateLimiters({ chat: { keyPrefix: "self-service-chat", points: 40, duration: 10 * 60 } });

/** Counts one action for this chat; false when it has used up its share for now. */
export async function takeSelfServiceAction(storeId: string, chatId: string): Promise<boolean> {
  try {
    await limitersFor().chat.consume(`${storeId}|${chatId}`);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}
