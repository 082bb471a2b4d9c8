import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { CreateSlaHolidayBody } from "@/lib/validations/sla.ts";
import type { SlaHolidayDto } from "./list-sla-holidays.ts";

/** A day off for business-hours clocks; the date is a calendar day in the policy's time zone. */
export async function createSlaHoliday(db: Db, input: { storeId: string; holiday: CreateSlaHolidayBody }): Promise<SlaHolidayDto> {
  const { storeId, holiday } = input;
  const date = new Date(`${holiday.date}T00:00:00.000Z`);
  const existing = await db.slaHoliday.findUnique({ where: { storeId_date: { storeId, date } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `${holiday.date} is already a holiday`);
  const row = await db.slaHoliday.create({ data: { storeId, date, name: holiday.name }, select: { id: true, date: true, name: true } });
  return { id: row.id, name: row.name, date: row.date.toISOString().slice(0, 10) };
}
