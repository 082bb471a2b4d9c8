import { errorResponse } from "@/lib/api/error-response.ts";

export const runtime = "nodejs";

// Unknown /api/v1 paths answer in the API's error shape rather than with Next's HTML 404 page.
async function notFound(request: Request): Promise<Response> {
  return errorResponse(404, "NOT_FOUND", `No API route ${request.method} ${new URL(request.url).pathname}`);
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
