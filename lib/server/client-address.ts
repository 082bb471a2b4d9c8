import { BlockList, isIP } from "node:net";

/** The header the server writes (over anything a client sent) for routes to read the client's address. */
export const CLIENT_ADDRESS_HEADER = "x-tern-client-address";

function plain(address: string): string {
  const trimmed = address.trim();
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
  return trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/**
 * TERN_TRUSTED_PROXIES: addresses and CIDR ranges (comma-separated) of the proxies in front of
 * Tern. Only their X-Forwarded-For is believed; anyone else could write any address there.
 */
export function trustedProxies(spec: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (spec ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`TERN_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the connection's, or, when that is a trusted proxy, the nearest address in
 * X-Forwarded-For that is not one (read from the right: a client can prepend anything).
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let address = plain(remote ?? "") || "unknown";
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map(plain).filter(Boolean);
  while (isTrusted(address, trusted) && hops.length) address = hops.pop()!;
  return address;
}
