/** BigCommerce's wire formats: V2 money as 4-decimal strings, V2 dates RFC 2822, V3 dates ISO 8601. */

export function money(value: number): string {
  return value.toFixed(4);
}

export function rfc2822(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

/** BigCommerce accepts RFC 2822 or ISO 8601 in date filters; null when neither parses. */
export function parseDateFilter(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(/^\d+$/.test(value) ? Number(value) * 1000 : value);
  return Number.isNaN(date.getTime()) ? null : date;
}
