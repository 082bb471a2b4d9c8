import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export async function deleteSlaHoliday(db: Db, input: { storeId: string; holidayId: string }): Promise<void> {
  const { count } = isUuid(input.holidayId) ? await db.slaHoliday.deleteMany({ where: { id: input.holidayId, storeId: input.storeId } }) : { count: 0 };
  if (count === 0) throw new AppError("NOT_FOUND", "Holiday not found");
}
