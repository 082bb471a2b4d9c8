const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Id columns are PostgreSQL uuid: a malformed id sent to a query is a driver error (a 500),
 * so services check the shape first and answer "not found" instead.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
