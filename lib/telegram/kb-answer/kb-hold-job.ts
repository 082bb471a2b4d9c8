import { db } from "@/lib/db/client.ts";
import { periodicJob } from "@/lib/server/periodic-job.ts";
import { endKbHolds } from "./end-kb-holds.ts";

/** Background loop: a conversation whose knowledge-base answer went unanswered reaches a person within about fifteen seconds of its hold's end. */
export const kbHoldJob = periodicJob({
  name: "knowledge-base answer holds",
  intervalMs: 15_000,
  round: () => endKbHolds(db()),
  done: (count) => `handed ${count} unanswered knowledge-base conversation(s) to a person`,
});
