/**
 * The demo store's outside-world credentials in an e2e run, as the app install and the bot setup
 * would leave them: e2e/start-server.ts stores them for Tern, e2e/support/emulators.ts gives them
 * to the emulators it runs.
 */
export const E2E_WORLD = {
  bigcommerceToken: "e2e-bigcommerce-access-token",
  bigcommerceWebhookSecret: "e2e-bigcommerce-webhook-secret",
  telegramToken: "700700700:e2e-telegram-bot-token-abcdefghij",
  telegramWebhookSecret: "e2e-telegram-webhook-secret",
  encryptionKey: "e2e-encryption-key",
} as const;
