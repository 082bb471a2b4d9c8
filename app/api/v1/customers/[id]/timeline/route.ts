import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { listCustomerTimeline } from "@/lib/customers/timeline/list-customer-timeline.ts";
import { db } from "@/lib/db/client.ts";
import { customerTimelineQuerySchema, timelineQueryInput } from "@/lib/validations/customer-timeline.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** The customer's timeline (orders, order news, tickets, messages, CSAT), newest first, keyset-paged, filtered by kind. */
export const GET = withApi<Params>(async ({ request, actor, params }) => {
  const query = customerTimelineQuerySchema.parse(timelineQueryInput(new URL(request.url).searchParams));
  return json(await listCustomerTimeline(db(), { storeId: actor.storeId, customerId: params.id, kinds: query.kind, cursor: query.cursor, limit: query.limit }));
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
