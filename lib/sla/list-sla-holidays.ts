import type { Db } from "@/lib/db/client.ts";

export type SlaHolidayDto = { id: string; date: string; name: string };

export async function listSlaHolidays(db: Db, storeId: string): Promise<SlaHolidayDto[]> {
  const rows = await db.slaHoliday.findMany({ where: { storeId }, orderBy: { date: "asc" }, select: { id: true, date: true, name: true } });
  return rows.map((row) => ({ id: row.id, name: row.name, date: row.date.toISOString().slice(0, 10) }));
}
