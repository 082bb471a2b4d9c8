/** An amount as the store's currency, in the agent's locale; "—" when BigCommerce gave none. */
export function formatMoney(amount: string | null, currency: string | null): string {
  if (amount === null) return "—";
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency || "USD" }).format(Number(amount));
  } catch {
    return `${amount} ${currency ?? ""}`.trim();
  }
}
