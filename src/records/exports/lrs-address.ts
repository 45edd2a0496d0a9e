/**
 * Where the xAPI export may send records. The endpoint is given by a team's manager, and anyone can create a team,
 * so an unchecked endpoint would let anyone make the server call its own loopback services, the intranet or a cloud
 * metadata address. An endpoint is refused when its host is, or resolves to, a loopback, private, link-local,
 * unique-local, unspecified, CGNAT, multicast or reserved address (IPv4-mapped and other IPv4-embedding IPv6 forms
 * included), unless the administrator's allow-list (FIREDRILL_XAPI_ALLOW_HOSTS) names the host.
 *
 * The addresses checked are the ones connected to (see `sendStatements`): a DNS answer that changes between the check
 * and the request (rebinding) does not reach an address that was not checked.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has, as node:dns/promises' lookup with `all: true` does. */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const defaultLookup: Lookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/** The endpoint's host is, or resolves to, an address the server does not send records to. */
export class LrsAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LrsAddressError';
  }
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // CGNAT, RFC 6598
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The 16 bytes of an IPv6 address (with or without an embedded dotted IPv4 tail), or null when it is not one. */
function ipv6Bytes(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.replace(/%.*$/, '').toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(rest);
  const all = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (all.length !== 8) return null;
  return all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The IPv4 address an IPv6 address carries: IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16). */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (!bytes) return null;
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const dotted = (from: number) => bytes.slice(from, from + 4).join('.');
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return dotted(12);
  if (zeros(0, 12)) return dotted(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return dotted(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return dotted(2);
  return null;
}

/** Whether the server must not send records to this IP address (see the module comment for the ranges). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true; // Not an address at all: refuse rather than guess.
  if (blocked.check(bare.replace(/%.*$/, ''), 'ipv6')) return true;
  const v4 = embeddedIpv4(bare);
  return v4 !== null && blocked.check(v4, 'ipv4');
}

interface AllowedHost {
  host: string;
  port: string | null;
}

/** A host name or address as URL parsing writes it (lower case, IPv6 compressed, no brackets), or null. */
function canonicalHost(host: string): string | null {
  const bare = host.replace(/^\[|\]$/g, '');
  try {
    return new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

/**
 * FIREDRILL_XAPI_ALLOW_HOSTS' entries: `host`, `host:port`, `[v6]` or `[v6]:port`, comma-separated. A host alone
 * allows every port of it; names are matched as written in the endpoint, not by what they resolve to.
 */
export function parseAllowHosts(value: string | readonly string[] | undefined): AllowedHost[] {
  const entries = typeof value === 'string' ? value.split(',') : (value ?? []);
  const allowed: AllowedHost[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
    const withPort = /^([^:[\]]+):(\d{1,5})$/.exec(entry);
    const [host, port] = bracketed ? [bracketed[1]!, bracketed[2] ?? null] : withPort ? [withPort[1]!, withPort[2]!] : [entry, null];
    const canonical = canonicalHost(host);
    if (canonical) allowed.push({ host: canonical, port: port === null ? null : String(Number(port)) });
  }
  return allowed;
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/**
 * The addresses to connect to for the endpoint, every one checked: throws LrsAddressError when the host is, or
 * resolves to, a private or local address and the allow-list does not name it. The caller must connect to these
 * addresses, not look the name up again.
 */
export async function checkedAddresses(url: URL, allowHosts: readonly AllowedHost[], lookup: Lookup = defaultLookup): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = allowHosts.some((entry) => entry.host === host && (entry.port === null || entry.port === defaultPort(url)));
  const literal = isIP(host);
  const addresses: ResolvedAddress[] = literal ? [{ address: host, family: literal === 6 ? 6 : 4 }] : await lookup(host);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  if (!allowed && addresses.some((a) => isPrivateAddress(a.address))) {
    throw new LrsAddressError(
      `endpoint: ${url.host} is a private or local address; the server does not send records there unless FIREDRILL_XAPI_ALLOW_HOSTS lists it`,
    );
  }
  return addresses;
}
