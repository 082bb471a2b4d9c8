import type { BigcommerceOrder, BigcommerceOrderProduct, BigcommerceShipment, BigcommerceShippingAddress } from "../bigcommerce-types.ts";

/** An order as Tern keeps it: the order and the sub-resources BigCommerce serves separately. */
export type OrderBundle = {
  order: BigcommerceOrder;
  products: BigcommerceOrderProduct[];
  shippingAddresses: BigcommerceShippingAddress[];
  shipments: BigcommerceShipment[];
};
