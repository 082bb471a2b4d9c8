/** The BigCommerce webhook scopes Tern subscribes each store to (lib/bigcommerce/events reads them all). */
export const TERN_WEBHOOK_SCOPES = [
  "store/order/created",
  "store/order/updated",
  "store/order/statusUpdated",
  "store/order/message/created",
  "store/order/refund/created",
  "store/shipment/created",
  "store/shipment/updated",
  "store/customer/created",
  "store/customer/updated",
  "store/customer/deleted",
  "store/customer/address/created",
  "store/customer/address/updated",
  "store/customer/address/deleted",
  "store/hook/deliveryException",
] as const;
