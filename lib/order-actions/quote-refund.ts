import type { BigcommerceRefundItem, BigcommerceRefundQuote } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { Db } from "@/lib/db/client.ts";
import { bigcommerceActionError } from "./bigcommerce-action-error.ts";
import { cents, formatAmount, orderTicketContext, type OrderTicketContext } from "./order-actions-context.ts";

export type RefundMethodDto = { payments: Array<{ providerId: string; description: string; amount: string; offline: boolean }> };

export type RefundQuoteDto = {
  ticketId: string;
  orderId: number;
  items: BigcommerceRefundItem[];
  amount: string;
  /** The tax part of the amount, and whether the amount includes it (BigCommerce's tax_inclusive). */
  tax: string;
  taxInclusive: boolean;
  methods: RefundMethodDto[];
};

export async function fetchRefundQuote(context: OrderTicketContext, items: BigcommerceRefundItem[]): Promise<BigcommerceRefundQuote> {
  try {
    return await context.client.createRefundQuote(context.orderId, items);
  } catch (error) {
    throw bigcommerceActionError(error, "refund quote");
  }
}

export function toRefundQuoteDto(context: OrderTicketContext, items: BigcommerceRefundItem[], quote: BigcommerceRefundQuote): RefundQuoteDto {
  return {
    ticketId: context.ticketId,
    orderId: context.orderId,
    items,
    amount: formatAmount(cents(quote.total_refund_amount)),
    tax: formatAmount(cents(quote.total_refund_tax_amount ?? 0)),
    taxInclusive: quote.tax_inclusive ?? true,
    methods: quote.refund_methods.map((method) => ({
      payments: method.map((payment) => ({ providerId: payment.provider_id, description: payment.provider_description, amount: formatAmount(cents(payment.amount)), offline: payment.offline })),
    })),
  };
}

/** Step one of a refund: what BigCommerce would refund for these items, and how. Changes nothing. */
export async function quoteRefund(db: Db, input: { storeId: string; ticketId: string; items: BigcommerceRefundItem[] }): Promise<RefundQuoteDto> {
  const context = await orderTicketContext(db, input.storeId, input.ticketId);
  return toRefundQuoteDto(context, input.items, await fetchRefundQuote(context, input.items));
}
