import type { Tx } from "./client.ts";

/** A table's columns to write, each with its SQL type: jsonb_to_recordset reads the rows by these. */
export type ColumnTypes = Readonly<Record<string, string>>;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Inserts many rows in one statement with one parameter (the rows as JSON), for hot paths that
 * write dozens of rows at once: Prisma's createMany builds and compiles a query with a parameter
 * per value, which cost more than the insert itself. Dates go as ISO strings and arrays and
 * objects as JSON, which PostgreSQL turns into the columns' types (timestamptz, text[], jsonb,
 * enums); null is SQL NULL. `table` and `columns` are the caller's constants, never input.
 * Columns left out take their defaults, so a column with no default (`updatedAt`) must be given.
 */
export async function insertRowsInTx(tx: Tx, table: string, columns: ColumnTypes, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns).map(quote).join(", ");
  const definitions = Object.entries(columns)
    .map(([name, type]) => `${quote(name)} ${type}`)
    .join(", ");
  // In the order given: a serial id (DomainEvent's) follows it.
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quote(table)} (${names}) SELECT ${names} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS given(value, position), jsonb_to_record(given.value) AS row(${definitions}) ORDER BY given.position`,
    JSON.stringify(rows),
  );
}
