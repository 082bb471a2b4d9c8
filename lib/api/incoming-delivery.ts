import { AppError } from "@/lib/errors.ts";
import { readLimitedText } from "./read-limited-text.ts";

/**
 * What a webhook receiver reads of a request: its URL, headers and body text (refused with a 400
 * over `maxBytes`). Next hands the route files a Fetch API Request; the custom server reads a
 * direct route's body itself (lib/server/web-request-bridge.ts) and skips building a Request,
 * which is a tenth of an acknowledgement's CPU.
 */
export type IncomingDelivery = { url: string; headers: Headers; text: (maxBytes: number) => Promise<string> };

export function deliveryFromRequest(request: Request): IncomingDelivery {
  return { url: request.url, headers: request.headers, text: (maxBytes) => readLimitedText(request, maxBytes) };
}

/** A delivery whose body was already read whole. */
export function deliveryFromBody(url: string, headers: Headers, body: Buffer): IncomingDelivery {
  return {
    url,
    headers,
    text: async (maxBytes) => {
      if (body.length > maxBytes) throw new AppError("BAD_REQUEST", "The request body is too large");
      return body.toString("utf8");
    },
  };
}
