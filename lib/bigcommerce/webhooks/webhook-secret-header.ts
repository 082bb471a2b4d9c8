/**
 * The custom header Tern registers with every BigCommerce hook (`headers` in POST /v3/hooks),
 * carrying the store's webhookSecret; BigCommerce sends it back on every delivery.
 */
export const WEBHOOK_SECRET_HEADER = "X-Tern-Webhook-Secret";
