import { randomBytes, randomUUID } from "node:crypto";
import type {
  BigcommerceAddress,
  BigcommerceCustomer,
  BigcommerceCustomerAttribute,
  BigcommerceCustomerGroup,
  BigcommerceHook,
  BigcommerceOrder,
  BigcommerceOrderMessage,
  BigcommerceOrderProduct,
  BigcommerceOrderStatus,
  BigcommerceRefund,
  BigcommerceScript,
  BigcommerceScriptInput,
  BigcommerceShipment,
  BigcommerceShippingAddress,
} from "@/lib/bigcommerce/bigcommerce-types.ts";
import { ORDER_STATUS_NAMES } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { EmulatedCatalog, type CatalogState } from "./emulated-catalog.ts";
import { APP_CLIENT_ID, newApiAccount, type EmulatedApiAccount, type EmulatedCaller } from "./emulated-api-account.ts";
import { money, rfc2822 } from "./emulator-format.ts";
import { WindowQuota } from "./window-quota.ts";

/** Something the store did that BigCommerce announces by webhook. */
export type StoreEvent = { scope: string; data: Record<string, unknown> };

export type NewOrderProduct = { name: string; sku: string; price: number; quantity?: number; productId?: number };

export type NewOrder = {
  /** An existing customer's id, or a guest (customer_id 0) with these details. */
  customerId?: number;
  guest?: { email: string; firstName: string; lastName: string };
  products: NewOrderProduct[];
  statusId?: number;
  currency?: string;
  shippingCost?: number;
  customerMessage?: string;
  address?: Partial<BigcommerceAddress>;
  createdAt?: Date;
};

export type NewShipment = {
  trackingNumber?: string;
  carrier?: string;
  provider?: string;
  method?: string;
  trackingLink?: string;
  /** Ship these order products (all that remain when omitted). */
  items?: Array<{ orderProductId: number; quantity: number }>;
};

type Options = { emit: (event: StoreEvent) => void; startOrderId?: number; state?: EmulatedStoreState; onAccountsChange?: () => void };

type IdCounters = { order: number; customer: number; product: number; address: number; shipment: number; message: number; refund: number; hook: number; orderProduct: number };

/**
 * A store's data as JSON, without its hooks (the app registers those again when it starts) or its
 * quota: demo mode keeps it in the data directory, so a restarted demo store still has its orders
 * and continues their numbers.
 */
export type EmulatedStoreState = {
  version: 1;
  storeId: string;
  accessToken: string;
  nextId: IdCounters;
  customers: Array<[number, BigcommerceCustomer]>;
  orders: Array<[number, BigcommerceOrder]>;
  products: Array<[number, BigcommerceOrderProduct[]]>;
  shippingAddresses: Array<[number, BigcommerceShippingAddress[]]>;
  shipments: Array<[number, BigcommerceShipment[]]>;
  messages: Array<[number, BigcommerceOrderMessage[]]>;
  refunds: Array<[number, BigcommerceRefund[]]>;
  /** Absent in states kept before the emulator had a catalog: those start with the starter catalog. */
  catalog?: CatalogState;
  /** Store-level API accounts the merchant created (absent in states saved before they existed). */
  apiAccounts?: EmulatedApiAccount[];
};

/** A failure or hold the test asked for, applied to requests whose path matches. */
type Injection = { pattern: RegExp; remaining: number; status?: number; hold?: Promise<void> };

const STATUS_ORDER = [0, 1, 7, 11, 9, 8, 12, 3, 2, 10, 5, 6, 4, 14, 13];

function defaultAddress(): BigcommerceAddress {
  return { street_1: "12 Harbour Road", city: "Austin", state: "Texas", zip: "78701", country: "United States", country_iso2: "US", phone: "+1 512 555 0100" };
}

export type NewCustomer = {
  email: string;
  firstName: string;
  lastName: string;
  phone?: string;
  company?: string;
  /** A customer group id (DEFAULT_CUSTOMER_GROUPS); 0 or absent = none. */
  groupId?: number;
  /** Attribute values by attribute id (DEFAULT_CUSTOMER_ATTRIBUTES). */
  attributes?: Record<number, string>;
  address?: Partial<BigcommerceAddress>;
};

/** The customer groups every emulated store has (GET /v2/customer_groups). */
export const DEFAULT_CUSTOMER_GROUPS: BigcommerceCustomerGroup[] = [
  { id: 1, name: "Retail", is_default: true, is_group_for_guests: false },
  { id: 2, name: "VIP", is_default: false, is_group_for_guests: false },
  { id: 3, name: "Wholesale", is_default: false, is_group_for_guests: false },
];

/** The customer attributes every emulated store defines (GET /v3/customers/attributes). */
export const DEFAULT_CUSTOMER_ATTRIBUTES: BigcommerceCustomerAttribute[] = [
  { id: 1, name: "Loyalty number", type: "string" },
  { id: 2, name: "Preferred language", type: "string" },
  { id: 3, name: "Shoe size", type: "number" },
];

/** A V3 customer address: BigCommerce names its fields apart from V2 order addresses; both are given. */
function customerAddress(id: number, customerId: number, firstName: string, lastName: string, override: Partial<BigcommerceAddress> = {}) {
  const address = { ...defaultAddress(), ...override };
  return {
    id,
    customer_id: customerId,
    first_name: firstName,
    last_name: lastName,
    ...address,
    address1: address.street_1,
    state_or_province: address.state,
    postal_code: address.zip,
    country_code: address.country_iso2,
    address_type: "residential",
  };
}

/**
 * One emulated BigCommerce store: its data, its quota and its registered hooks. Mutations change
 * the data the way BigCommerce would and announce them through `emit` (the emulator turns those
 * into webhook deliveries to registered hooks). Pass `{ silent: true }` for a change whose webhook
 * "never arrived" (what reconciliation must catch).
 */
export class EmulatedStore {
  readonly storeId: string;
  accessToken: string;
  readonly quota = new WindowQuota(150, 30_000);
  readonly customers = new Map<number, BigcommerceCustomer>();
  readonly orders = new Map<number, BigcommerceOrder>();
  readonly products = new Map<number, BigcommerceOrderProduct[]>();
  readonly shippingAddresses = new Map<number, BigcommerceShippingAddress[]>();
  readonly shipments = new Map<number, BigcommerceShipment[]>();
  readonly messages = new Map<number, BigcommerceOrderMessage[]>();
  readonly refunds = new Map<number, BigcommerceRefund[]>();
  readonly hooks = new Map<number, BigcommerceHook>();
  /** Store-level API accounts, by access token. */
  readonly apiAccounts = new Map<string, EmulatedApiAccount>();
  readonly scripts = new Map<string, BigcommerceScript>();
  readonly catalog: EmulatedCatalog;
  readonly statuses: BigcommerceOrderStatus[];
  private readonly injections: Injection[] = [];
  private nextId: IdCounters = { order: 100, customer: 1, product: 1, address: 1, shipment: 1, message: 1, refund: 1, hook: 1, orderProduct: 1 };

  constructor(
    readonly hash: string,
    private readonly options: Options,
  ) {
    this.storeId = String(1_000_000 + randomBytes(3).readUIntBE(0, 3));
    this.accessToken = `emulated-${randomBytes(12).toString("hex")}`;
    this.statuses = STATUS_ORDER.map((id, index) => ({
      id,
      name: ORDER_STATUS_NAMES[id]!,
      system_label: ORDER_STATUS_NAMES[id]!,
      custom_label: ORDER_STATUS_NAMES[id]!,
      system_description: "",
      order: index,
    }));
    this.catalog = new EmulatedCatalog(hash, options.state?.catalog);
    if (options.startOrderId) this.nextId.order = options.startOrderId;
    if (options.state) {
      const { state } = options;
      this.storeId = state.storeId;
      this.accessToken = state.accessToken;
      // Hooks are not kept (the app registers its own again), so their ids start again.
      this.nextId = { ...state.nextId, hook: 1 };
      for (const [id, customer] of state.customers) this.customers.set(id, customer);
      for (const [id, order] of state.orders) this.orders.set(id, order);
      for (const [id, rows] of state.products) this.products.set(id, rows);
      for (const [id, rows] of state.shippingAddresses) this.shippingAddresses.set(id, rows);
      for (const [id, rows] of state.shipments) this.shipments.set(id, rows);
      for (const [id, rows] of state.messages) this.messages.set(id, rows);
      for (const [id, rows] of state.refunds) this.refunds.set(id, rows);
      for (const account of state.apiAccounts ?? []) this.apiAccounts.set(account.accessToken, account);
    }
  }

  /** Everything but hooks and quota, as JSON (EmulatedStoreState). */
  exportState(): EmulatedStoreState {
    return {
      version: 1,
      storeId: this.storeId,
      accessToken: this.accessToken,
      nextId: { ...this.nextId },
      customers: [...this.customers],
      orders: [...this.orders],
      products: [...this.products],
      shippingAddresses: [...this.shippingAddresses],
      shipments: [...this.shipments],
      messages: [...this.messages],
      refunds: [...this.refunds],
      catalog: this.catalog.exportState(),
      apiAccounts: [...this.apiAccounts.values()],
    };
  }

  /** New orders are numbered after `orderId` at least (orders the app knows that this store forgot). */
  continueOrdersAfter(orderId: number): void {
    this.nextId.order = Math.max(this.nextId.order, orderId + 1);
  }

  // ---- tests' levers ------------------------------------------------------------------------

  /** The next `count` requests whose path matches answer `status` (e.g. 500, or 429 without rate-limit headers). */
  failNext(pattern: RegExp, status: number, count = 1): void {
    this.injections.push({ pattern, status, remaining: count });
  }

  /** Requests matching `pattern` hang until the returned function is called (a slow or stuck API). */
  hold(pattern: RegExp): () => void {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const injection: Injection = { pattern, hold, remaining: Number.POSITIVE_INFINITY };
    this.injections.push(injection);
    return () => {
      this.injections.splice(this.injections.indexOf(injection), 1);
      release();
    };
  }

  /** For the server: what, if anything, was injected for this path. */
  takeInjection(path: string): { status?: number; hold?: Promise<void> } | null {
    const injection = this.injections.find((entry) => entry.pattern.test(path));
    if (!injection) return null;
    injection.remaining -= 1;
    if (injection.remaining <= 0) this.injections.splice(this.injections.indexOf(injection), 1);
    return { status: injection.status, hold: injection.hold };
  }

  /** Renames a status as a merchant can (custom labels such as "Return requested"). */
  setStatusLabel(statusId: number, customLabel: string): void {
    const status = this.statuses.find((entry) => entry.id === statusId);
    if (status) status.custom_label = customLabel;
  }

  statusName(statusId: number): string {
    return this.statuses.find((entry) => entry.id === statusId)?.custom_label ?? ORDER_STATUS_NAMES[statusId] ?? "Unknown";
  }

  // ---- customers ----------------------------------------------------------------------------

  createCustomer(input: NewCustomer, options: { silent?: boolean; createdAt?: Date } = {}): BigcommerceCustomer {
    const id = this.nextId.customer++;
    const now = (options.createdAt ?? new Date()).toISOString();
    const attributes = Object.entries(input.attributes ?? {}).map(([attributeId, value]) => ({
      id: this.nextId.address++,
      attribute_id: Number(attributeId),
      attribute_value: value,
      customer_id: id,
      date_created: now,
      date_modified: now,
    }));
    const customer: BigcommerceCustomer = {
      id,
      email: input.email,
      first_name: input.firstName,
      last_name: input.lastName,
      company: input.company ?? "",
      phone: input.phone ?? "",
      notes: "",
      customer_group_id: input.groupId ?? 0,
      date_created: now,
      date_modified: now,
      address_count: 1,
      attribute_count: attributes.length,
      addresses: [customerAddress(this.nextId.address++, id, input.firstName, input.lastName, input.address)],
      attributes,
    };
    this.customers.set(id, customer);
    if (!options.silent) this.options.emit({ scope: "store/customer/created", data: { type: "customer", id } });
    return customer;
  }

  /**
   * A record as the API would return it, whatever it holds (a test's or bench's garbage: no email,
   * a 10 kB name): the emulator does not validate what it serves.
   */
  putRawCustomer(record: Partial<BigcommerceCustomer> & Record<string, unknown>): number {
    const id = this.nextId.customer++;
    this.customers.set(id, { ...record, id } as BigcommerceCustomer);
    return id;
  }

  updateCustomer(
    id: number,
    patch: { email?: string; firstName?: string; lastName?: string; phone?: string; groupId?: number; address?: Partial<BigcommerceAddress> },
    options: { silent?: boolean } = {},
  ): BigcommerceCustomer {
    const customer = this.requireCustomer(id);
    if (patch.email !== undefined) customer.email = patch.email;
    if (patch.firstName !== undefined) customer.first_name = patch.firstName;
    if (patch.lastName !== undefined) customer.last_name = patch.lastName;
    if (patch.phone !== undefined) customer.phone = patch.phone;
    if (patch.groupId !== undefined) customer.customer_group_id = patch.groupId;
    customer.date_modified = new Date().toISOString();
    if (patch.address) {
      const current = customer.addresses?.[0];
      const address = customerAddress(current?.id ?? this.nextId.address++, id, customer.first_name, customer.last_name, { ...current, ...patch.address });
      customer.addresses = [address, ...(customer.addresses ?? []).slice(1)];
      if (!options.silent) this.options.emit({ scope: "store/customer/address/updated", data: { type: "customer", id: address.id, address: { customer_id: id } } });
      return customer;
    }
    if (!options.silent) this.options.emit({ scope: "store/customer/updated", data: { type: "customer", id } });
    return customer;
  }

  /** PUT /v3/customers with a phone: the account's phone changes (BigCommerce announces customer/updated). */
  updateCustomerPhone(id: number, phone: string, options: { silent?: boolean } = {}): BigcommerceCustomer {
    const customer = this.requireCustomer(id);
    customer.phone = phone;
    customer.date_modified = new Date().toISOString();
    if (!options.silent) this.options.emit({ scope: "store/customer/updated", data: { type: "customer", id } });
    return customer;
  }

  deleteCustomer(id: number, options: { silent?: boolean } = {}): void {
    this.requireCustomer(id);
    this.customers.delete(id);
    if (!options.silent) this.options.emit({ scope: "store/customer/deleted", data: { type: "customer", id } });
  }

  private requireCustomer(id: number): BigcommerceCustomer {
    const customer = this.customers.get(id);
    if (!customer) throw new Error(`emulated store ${this.hash} has no customer ${id}`);
    return customer;
  }

  // ---- orders -------------------------------------------------------------------------------

  requireOrder(orderId: number): BigcommerceOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`emulated store ${this.hash} has no order ${orderId}`);
    return order;
  }

  private touch(order: BigcommerceOrder): void {
    // BigCommerce dates have one-second resolution; keep date_modified strictly increasing so
    // "changed since" filters and Tern's older-read guard see every change.
    const previous = Date.parse(order.date_modified);
    const now = Math.max(Date.now(), previous + 1000);
    order.date_modified = rfc2822(new Date(now));
  }

  createOrder(input: NewOrder, options: { silent?: boolean } = {}): BigcommerceOrder {
    const id = this.nextId.order++;
    const customer = input.customerId ? this.requireCustomer(input.customerId) : null;
    const person = customer
      ? { email: customer.email, firstName: customer.first_name, lastName: customer.last_name }
      : (input.guest ?? { email: `guest-${id}@example.com`, firstName: "Guest", lastName: "Shopper" });
    const billing: BigcommerceAddress = { first_name: person.firstName, last_name: person.lastName, email: person.email, ...defaultAddress(), ...input.address };
    const products: BigcommerceOrderProduct[] = input.products.map((product) => {
      const quantity = product.quantity ?? 1;
      return {
        id: this.nextId.orderProduct++,
        order_id: id,
        product_id: product.productId ?? this.nextId.product++,
        variant_id: 0,
        name: product.name,
        sku: product.sku,
        type: "physical",
        quantity,
        base_price: money(product.price),
        price_ex_tax: money(product.price),
        price_inc_tax: money(product.price),
        total_ex_tax: money(product.price * quantity),
        total_inc_tax: money(product.price * quantity),
        quantity_shipped: 0,
        quantity_refunded: 0,
        product_options: [],
      };
    });
    const itemsTotal = products.reduce((sum, product) => sum + product.quantity, 0);
    const subtotal = products.reduce((sum, product) => sum + Number(product.total_inc_tax), 0);
    const shipping = input.shippingCost ?? 0;
    const created = input.createdAt ?? new Date();
    const statusId = input.statusId ?? 11;
    const order: BigcommerceOrder = {
      id,
      customer_id: customer?.id ?? 0,
      date_created: rfc2822(created),
      date_modified: rfc2822(created),
      date_shipped: "",
      status_id: statusId,
      status: this.statusName(statusId),
      custom_status: this.statusName(statusId),
      subtotal_ex_tax: money(subtotal),
      subtotal_inc_tax: money(subtotal),
      subtotal_tax: money(0),
      base_shipping_cost: money(shipping),
      shipping_cost_ex_tax: money(shipping),
      shipping_cost_inc_tax: money(shipping),
      total_ex_tax: money(subtotal + shipping),
      total_inc_tax: money(subtotal + shipping),
      total_tax: money(0),
      items_total: itemsTotal,
      items_shipped: 0,
      payment_method: "Credit Card",
      payment_status: "captured",
      refunded_amount: money(0),
      currency_code: input.currency ?? "USD",
      default_currency_code: input.currency ?? "USD",
      discount_amount: money(0),
      billing_address: billing,
      customer_message: input.customerMessage ?? "",
      staff_notes: "",
      channel_id: 1,
      is_deleted: false,
    };
    this.orders.set(id, order);
    this.products.set(id, products);
    this.shippingAddresses.set(id, [
      { id: this.nextId.address++, order_id: id, ...billing, shipping_method: "Flat Rate", items_total: itemsTotal, items_shipped: 0 },
    ]);
    this.shipments.set(id, []);
    this.messages.set(id, []);
    this.refunds.set(id, []);
    if (!options.silent) this.options.emit({ scope: "store/order/created", data: { type: "order", id } });
    return order;
  }

  setOrderStatus(orderId: number, statusId: number, options: { silent?: boolean } = {}): BigcommerceOrder {
    const order = this.requireOrder(orderId);
    const previous = order.status_id;
    if (previous === statusId) return order;
    order.status_id = statusId;
    order.status = this.statusName(statusId);
    order.custom_status = order.status;
    this.touch(order);
    if (!options.silent) {
      this.options.emit({ scope: "store/order/updated", data: { type: "order", id: orderId } });
      this.options.emit({ scope: "store/order/statusUpdated", data: { type: "order", id: orderId, status: { previous_status_id: previous, new_status_id: statusId } } });
    }
    return order;
  }

  updateOrder(orderId: number, patch: { staffNotes?: string; customerMessage?: string }, options: { silent?: boolean } = {}): BigcommerceOrder {
    const order = this.requireOrder(orderId);
    if (patch.staffNotes !== undefined) order.staff_notes = patch.staffNotes;
    if (patch.customerMessage !== undefined) order.customer_message = patch.customerMessage;
    this.touch(order);
    if (!options.silent) this.options.emit({ scope: "store/order/updated", data: { type: "order", id: orderId } });
    return order;
  }

  /** PUT /v2/orders/{id}/shipping_addresses/{id}: null when the order has no such address. */
  updateShippingAddress(orderId: number, addressId: number, patch: Partial<BigcommerceAddress>, options: { silent?: boolean } = {}): BigcommerceShippingAddress | null {
    const order = this.requireOrder(orderId);
    const address = (this.shippingAddresses.get(orderId) ?? []).find((entry) => entry.id === addressId);
    if (!address) return null;
    Object.assign(address, patch);
    this.touch(order);
    if (!options.silent) this.options.emit({ scope: "store/order/updated", data: { type: "order", id: orderId } });
    return address;
  }

  addShipment(orderId: number, input: NewShipment = {}, options: { silent?: boolean } = {}): BigcommerceShipment {
    const order = this.requireOrder(orderId);
    const products = this.products.get(orderId) ?? [];
    const items = (input.items ?? products.map((product) => ({ orderProductId: product.id, quantity: product.quantity - (product.quantity_shipped ?? 0) })))
      .filter((item) => item.quantity > 0)
      .map((item) => {
        const product = products.find((entry) => entry.id === item.orderProductId);
        if (!product) throw new Error(`order ${orderId} has no product ${item.orderProductId}`);
        product.quantity_shipped = (product.quantity_shipped ?? 0) + item.quantity;
        return { order_product_id: product.id, product_id: product.product_id, quantity: item.quantity };
      });
    const address = this.shippingAddresses.get(orderId)?.[0];
    const carrier = input.carrier ?? "ups";
    const trackingNumber = input.trackingNumber ?? "";
    const shipment: BigcommerceShipment = {
      id: this.nextId.shipment++,
      order_id: orderId,
      customer_id: order.customer_id,
      order_address_id: address?.id ?? 0,
      date_created: rfc2822(new Date()),
      tracking_number: trackingNumber,
      merchant_shipping_cost: money(0),
      shipping_method: input.method ?? "Flat Rate",
      shipping_provider: input.provider ?? "",
      tracking_carrier: carrier,
      tracking_link: input.trackingLink ?? "",
      generated_tracking_link: trackingNumber && carrier === "ups" ? `https://www.ups.com/track?tracknum=${encodeURIComponent(trackingNumber)}` : "",
      comments: "",
      billing_address: order.billing_address,
      shipping_address: address ?? {},
      items,
    };
    this.shipments.get(orderId)!.push(shipment);
    const shipped = products.reduce((sum, product) => sum + (product.quantity_shipped ?? 0), 0);
    order.items_shipped = shipped;
    order.date_shipped = shipment.date_created;
    if (!options.silent) this.options.emit({ scope: "store/shipment/created", data: { type: "shipment", id: shipment.id, orderId } });
    this.setOrderStatus(orderId, shipped >= (order.items_total ?? 0) ? 2 : 3, options);
    return shipment;
  }

  updateShipment(orderId: number, shipmentId: number, patch: { trackingNumber?: string; trackingLink?: string; carrier?: string }, options: { silent?: boolean } = {}): BigcommerceShipment {
    const shipment = (this.shipments.get(orderId) ?? []).find((entry) => entry.id === shipmentId);
    if (!shipment) throw new Error(`order ${orderId} has no shipment ${shipmentId}`);
    if (patch.trackingNumber !== undefined) shipment.tracking_number = patch.trackingNumber;
    if (patch.trackingLink !== undefined) shipment.tracking_link = patch.trackingLink;
    if (patch.carrier !== undefined) shipment.tracking_carrier = patch.carrier;
    this.touch(this.requireOrder(orderId));
    if (!options.silent) this.options.emit({ scope: "store/shipment/updated", data: { type: "shipment", id: shipmentId, orderId } });
    return shipment;
  }

  addOrderMessage(orderId: number, input: { message: string; subject?: string; fromStaff?: boolean }, options: { silent?: boolean } = {}): BigcommerceOrderMessage {
    const order = this.requireOrder(orderId);
    const message: BigcommerceOrderMessage = {
      id: this.nextId.message++,
      order_id: orderId,
      staff_id: input.fromStaff ? 1 : 0,
      customer_id: input.fromStaff ? 0 : order.customer_id,
      type: input.fromStaff ? "order" : "customer",
      subject: input.subject ?? "",
      message: input.message,
      status: "unread",
      is_flagged: false,
      date_created: rfc2822(new Date()),
      customer: { first_name: order.billing_address.first_name, last_name: order.billing_address.last_name, email: order.billing_address.email },
    };
    this.messages.get(orderId)!.push(message);
    if (!options.silent) {
      this.options.emit({ scope: "store/order/message/created", data: { type: "order", id: orderId, message: { order_message_id: message.id } } });
    }
    return message;
  }

  /** What a refund of these items comes to (the quote's total_refund_amount); refused, as BigCommerce does, above what is left to refund. */
  refundAmount(orderId: number, items: Array<{ item_type: string; item_id: number; quantity?: number; amount?: number }>): number {
    const order = this.requireOrder(orderId);
    const products = this.products.get(orderId) ?? [];
    let total = 0;
    for (const item of items) {
      if (item.item_type === "PRODUCT") {
        const product = products.find((entry) => entry.id === item.item_id);
        if (!product) throw new Error(`order ${orderId} has no product ${item.item_id}`);
        const left = product.quantity - (product.quantity_refunded ?? 0);
        if ((item.quantity ?? 0) > left) throw new Error(`Quantity ${item.quantity} of ${product.name} is more than the ${left} left to refund`);
        total += Number(product.price_inc_tax) * (item.quantity ?? 0);
      } else {
        total += item.amount ?? 0;
      }
    }
    total = Math.round(total * 100) / 100;
    const refundable = Math.round((Number(order.total_inc_tax) - Number(order.refunded_amount ?? 0)) * 100) / 100;
    if (total > refundable) throw new Error(`The refund amount ${total.toFixed(2)} is more than the ${refundable.toFixed(2)} left to refund on the order`);
    return total;
  }

  /** A refund as POST …/payment_actions/refunds makes it: amounts checked by the caller. */
  refund(orderId: number, input: { items: Array<{ item_type: string; item_id: number; quantity?: number; amount?: number }>; reason?: string }, options: { silent?: boolean } = {}): BigcommerceRefund {
    const order = this.requireOrder(orderId);
    const amount = this.refundAmount(orderId, input.items);
    const refund: BigcommerceRefund = {
      id: this.nextId.refund++,
      order_id: orderId,
      user_id: 0,
      created: new Date().toISOString(),
      reason: input.reason ?? "",
      total_amount: amount,
      total_tax: 0,
      uses_merchant_override_values: false,
      payments: [{ id: this.nextId.refund++, provider_id: "testgateway", amount, offline: false, is_declined: false, declined_message: "" }],
      items: input.items.map((item) => ({ ...item, item_type: item.item_type as BigcommerceRefund["items"][number]["item_type"] })),
    };
    this.refunds.get(orderId)!.push(refund);
    for (const item of input.items) {
      const product = (this.products.get(orderId) ?? []).find((entry) => item.item_type === "PRODUCT" && entry.id === item.item_id);
      if (product) product.quantity_refunded = (product.quantity_refunded ?? 0) + (item.quantity ?? 0);
    }
    const refunded = Number(order.refunded_amount ?? 0) + amount;
    order.refunded_amount = money(refunded);
    if (!options.silent) this.options.emit({ scope: "store/order/refund/created", data: { type: "order", id: orderId, refund: { refund_id: refund.id } } });
    this.setOrderStatus(orderId, refunded + 0.005 >= Number(order.total_inc_tax) ? 4 : 14, options);
    return refund;
  }

  // ---- hooks --------------------------------------------------------------------------------

  createHook(input: { scope: string; destination: string; is_active?: boolean; headers?: Record<string, string> | null }, clientId: string = APP_CLIENT_ID): BigcommerceHook {
    const now = Math.floor(Date.now() / 1000);
    const hook: BigcommerceHook = {
      id: this.nextId.hook++,
      client_id: clientId,
      store_hash: this.hash,
      scope: input.scope,
      destination: input.destination,
      is_active: input.is_active ?? true,
      headers: input.headers ?? null,
      created_at: now,
      updated_at: now,
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  /** The hooks one API client made: BigCommerce lists, changes and deletes only the caller's own. */
  hooksOf(clientId: string): BigcommerceHook[] {
    return [...this.hooks.values()].filter((hook) => (hook.client_id ?? APP_CLIENT_ID) === clientId);
  }

  // ---- API accounts (Settings → API accounts) --------------------------------------------------

  /** What the merchant does in the control panel; BigCommerce then shows the API path and the token once. */
  createApiAccount(input: { name?: string; scopes?: readonly string[] } = {}): EmulatedApiAccount {
    const account = newApiAccount(input);
    this.apiAccounts.set(account.accessToken, account);
    this.options.onAccountsChange?.();
    return account;
  }

  /** Deleting an API account revokes its token; its webhooks go with it. */
  deleteApiAccount(clientId: string): void {
    for (const [token, account] of this.apiAccounts) if (account.clientId === clientId) this.apiAccounts.delete(token);
    for (const hook of this.hooksOf(clientId)) this.hooks.delete(hook.id);
    this.options.onAccountsChange?.();
  }

  /** Who an `X-Auth-Token` belongs to: the app, one of the store's API accounts, or nobody (401). */
  callerFor(token: string | undefined): EmulatedCaller | null {
    if (!token) return null;
    if (token === this.accessToken) return { clientId: APP_CLIENT_ID, scopes: null };
    const account = this.apiAccounts.get(token);
    return account ? { clientId: account.clientId, scopes: new Set(account.scopes) } : null;
  }

  createScript(input: BigcommerceScriptInput): BigcommerceScript {
    const script = { ...input, uuid: randomUUID() };
    this.scripts.set(script.uuid, script);
    return script;
  }

  /** Active hooks whose scope covers `scope` (exact, or a `store/order/*` wildcard). */
  hooksFor(scope: string): BigcommerceHook[] {
    return [...this.hooks.values()].filter(
      (hook) => hook.is_active && (hook.scope === scope || (hook.scope.endsWith("/*") && scope.startsWith(hook.scope.slice(0, -1)))),
    );
  }
}
