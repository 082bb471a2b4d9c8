/**
 * Where next-auth may send someone after signing in or out: a path on this site, or a URL of this
 * site's own origin. `javascript:…`, another site, `//host` and `\\host` are not. next-auth itself
 * answered such values with a 500 ("Invalid URL") instead of refusing them.
 */
export function isSafeCallbackUrl(value: string, baseUrl: string): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\");
  try {
    return new URL(value).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The callback URL a request to next-auth carries (query, form field or cookie) that is not safe; null when all are. */
export async function unsafeCallbackUrl(request: Request, baseUrl: string): Promise<string | null> {
  const url = new URL(request.url);
  const candidates = [url.searchParams.get("callbackUrl")];
  const cookies = request.headers.get("cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name && CALLBACK_COOKIES.includes(name)) candidates.push(safeDecode(rest.join("=")));
  }
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(await request.clone().text());
    candidates.push(form.get("callbackUrl"));
  }
  return candidates.find((value): value is string => typeof value === "string" && value !== "" && !isSafeCallbackUrl(value, baseUrl)) ?? null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
