/**
 * Which addresses a hub callback may reach (SSRF): only public unicast ones, unless the
 * operator's allow-list (OUTPOST_HUB_ALLOWED_HOSTS) names the host, the address or a CIDR
 * holding it. Pure: the DNS side is callbackTarget.ts.
 */
import ipaddr from 'ipaddr.js';

/** ipaddr.js range names, said the way an operator reads them. */
const RANGE_NAMES: Readonly<Record<string, string>> = {
  loopback: 'a loopback address',
  private: 'a private network address (10/8, 172.16/12, 192.168/16)',
  linkLocal: 'a link-local address (169.254/16, fe80::/10; cloud metadata services live there)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64/10)',
  uniqueLocal: 'an IPv6 unique local address (fc00::/7)',
  unspecified: 'the unspecified address (0.0.0.0, ::)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/** Parses an IP literal (IPv6 with or without brackets); IPv4-mapped IPv6 becomes the IPv4 it carries. */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // Strict forms only: '127.1' or '0x7f.0.0.1' never reach here (URL parsing normalises them).
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return undefined;
  return ipaddr.process(bare);
}

export function isIpLiteral(text: string): boolean {
  return parseAddress(text) !== undefined;
}

/**
 * Why `address` must not receive callbacks, or undefined for a public unicast address.
 * IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo) count as not public: their
 * IPv4 part could be anything.
 */
export function forbiddenRange(address: string): string | undefined {
  const parsed = parseAddress(address);
  if (!parsed) return 'not an IP address';
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  return RANGE_NAMES[range] ?? `not a public unicast address (${range})`;
}

export interface CallbackAllowList {
  /** As configured, for messages. */
  readonly entries: readonly string[];
  readonly hosts: ReadonlySet<string>;
  readonly ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const EMPTY_ALLOW_LIST: CallbackAllowList = { entries: [], hosts: new Set(), ranges: [] };

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/;

/** Entries: a host name (exact, any case), an IP address, or a CIDR such as 10.20.0.0/16 or fd00::/8. */
export function parseAllowList(entries: readonly string[]): CallbackAllowList {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  const kept: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    kept.push(entry);
    if (entry.includes('/')) {
      try {
        const [base, bits] = ipaddr.parseCIDR(entry.replace(/^\[|\](?=\/)/g, ''));
        // A mapped base (::ffff:10.0.0.0/104) means the IPv4 range it carries.
        ranges.push(
          base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress()
            ? [(base as ipaddr.IPv6).toIPv4Address(), bits - 96]
            : [base, bits],
        );
      } catch {
        throw new Error(`Hub allow-list entry "${raw}" is not a valid CIDR; write e.g. 10.20.0.0/16 or fd00::/8`);
      }
      continue;
    }
    const address = parseAddress(entry);
    if (address) ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    else if (HOST_NAME.test(entry)) hosts.add(entry.replace(/\.$/, ''));
    else
      throw new Error(
        `Hub allow-list entry "${raw}" is neither a host name, an IP address nor a CIDR; write e.g. listener.internal, 10.1.2.3 or 10.20.0.0/16`,
      );
  }
  return { entries: kept, hosts, ranges };
}

export function allowsHost(list: CallbackAllowList, hostname: string): boolean {
  return list.hosts.has(hostname.toLowerCase().replace(/\.$/, ''));
}

export function allowsAddress(list: CallbackAllowList, address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return list.ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
}

/** The reason a callback to `address` (reached through `hostname`) is refused, or undefined when it may go. */
export function refusalOf(list: CallbackAllowList, hostname: string, address: string): string | undefined {
  if (allowsHost(list, hostname) || allowsAddress(list, address)) return undefined;
  const range = forbiddenRange(address);
  if (!range) return undefined;
  const shown = parseAddress(address)?.toString() ?? address;
  const via = isIpLiteral(hostname) ? shown : `${hostname} resolves to ${shown}, which is`;
  return (
    `callback ${via} ${range}: hub callbacks may not reach loopback, private, link-local or other internal addresses. ` +
    `To allow it, add "${isIpLiteral(hostname) ? shown : hostname}" (or a CIDR holding ${shown}) to OUTPOST_HUB_ALLOWED_HOSTS`
  );
}
