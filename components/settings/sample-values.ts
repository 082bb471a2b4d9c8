import type { TemplateValues } from "@/lib/templates/render-template.ts";

/** What the settings preview fills templates with: a made-up order with every variable set. */
export const SAMPLE_VALUES: Required<{ [K in keyof TemplateValues]: string }> = {
  order_id: "1042",
  order_status: "Shipped",
  order_total: "$69.84",
  order_date: "March 5, 2026",
  shipment_date: "March 6, 2026",
  shipment_status: "shipped",
  tracking_url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
  tracking_number: "1Z999AA10123456784",
  carrier: "UPS",
  customer_name: "Jane Doe",
  customer_email: "jane@example.com",
  ticket_number: "128",
  agent_name: "Ada",
  telegram_link: "https://t.me/your_store_bot?start=AQAAAAQSZ4x0cQ1a2b3c4d5e6f7g8h9i0jKLMNOPQr",
};
