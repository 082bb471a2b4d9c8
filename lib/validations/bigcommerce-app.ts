import { z } from "zod";

/** `GET /api/bigcommerce/auth`: what BigCommerce appends when a merchant installs (or re-authorises) the app. */
export const authCallbackQuerySchema = z.object({
  code: z.string().min(1).max(512),
  scope: z.string().max(4000).default(""),
  context: z.string().regex(/^stores\/[A-Za-z0-9]+$/, "context must be stores/{hash}"),
  account_uuid: z.string().max(100).optional(),
});

/** PATCH /api/v1/store: the app's store settings. */
export const storeSettingsBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    purgeOnUninstall: z.boolean().optional(),
    // null: refunds never wait for approval.
    refundApprovalThreshold: z.number().min(0).max(10_000_000).nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });

export type StoreSettingsPatch = z.infer<typeof storeSettingsBodySchema>;

/** PUT /api/v1/telegram/bot: connect (or replace) the store's bot. */
export const connectTelegramBotBodySchema = z.strictObject({
  token: z.string().trim().regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, "This does not look like a bot token from @BotFather (123456:ABC…)"),
  // Forum supergroups have ids like -1001234567890.
  staffChatId: z
    .string()
    .trim()
    .regex(/^-\d{5,20}$/, "A supergroup id is a negative number such as -1001234567890")
    .nullable()
    .optional()
    .transform((value) => value || null),
});
