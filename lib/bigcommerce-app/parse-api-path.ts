/** What the admin pasted from Settings → API accounts, read without ever being fetched. */
export type ApiPathReading = { ok: true; storeHash: string } | { ok: false; problem: string };

const HASH = /^[A-Za-z0-9]{1,64}$/;
const STORE_PATH = /^\/stores\/([^/]+)(?:\/v[23])?\/?$/;

/**
 * The store hash from an API path (`https://api.bigcommerce.com/stores/{hash}/v3/`, as the
 * control panel shows it), a bare `stores/{hash}`, or the hash alone. A URL must be on
 * `apiUrl`'s host: Tern only ever calls its own configured BigCommerce API, never a host someone
 * typed, so a path elsewhere is a mistake to name, not a place to go.
 */
export function parseApiPath(input: string, apiUrl: string): ApiPathReading {
  const text = input.trim();
  if (!text) return { ok: false, problem: "Paste the API path (or the store hash) of the API account" };
  if (text.length > 300) return { ok: false, problem: "That is too long to be an API path" };
  if (HASH.test(text)) return { ok: true, storeHash: text };
  let path = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { ok: false, problem: "That API path is not a valid URL" };
    }
    const expected = new URL(apiUrl);
    if (url.host !== expected.host || url.protocol !== expected.protocol) {
      return { ok: false, problem: `The API path must start with ${expected.origin}/stores/ (as BigCommerce shows it under Settings → API accounts)` };
    }
    if (url.search || url.hash || url.username || url.password) return { ok: false, problem: "Paste the API path without anything after it" };
    path = url.pathname;
  } else if (!path.startsWith("/")) {
    path = `/${path}`;
  }
  const match = STORE_PATH.exec(path);
  const hash = match?.[1];
  if (!hash || !HASH.test(hash)) return { ok: false, problem: "That is not an API path: it looks like https://api.bigcommerce.com/stores/{store hash}/v3/" };
  return { ok: true, storeHash: hash };
}
