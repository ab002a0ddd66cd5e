import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ALLOW_LIST, forbiddenRange, parseAllowList, refusalOf } from './callbackAddress';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = (first: fc.Arbitrary<number>, second: fc.Arbitrary<number> = octet) =>
  fc.tuple(first, second, octet, octet).map((parts) => parts.join('.'));
const hex = (min: number, max: number) => fc.integer({ min, max }).map((value) => value.toString(16));
const ipv6 = (first: fc.Arbitrary<string>) =>
  fc.tuple(first, fc.array(hex(0, 0xffff), { minLength: 7, maxLength: 7 })).map(([head, rest]) => [head, ...rest].join(':'));

/** Every internal range the guard must refuse, with a generator of its addresses. */
const INTERNAL: [string, fc.Arbitrary<string>][] = [
  ['loopback', ipv4(fc.constant(127))],
  ['private 10/8', ipv4(fc.constant(10))],
  ['private 172.16/12', ipv4(fc.constant(172), fc.integer({ min: 16, max: 31 }))],
  ['private 192.168/16', ipv4(fc.constant(192), fc.constant(168))],
  ['link-local 169.254/16', ipv4(fc.constant(169), fc.constant(254))],
  ['CGNAT 100.64/10', ipv4(fc.constant(100), fc.integer({ min: 64, max: 127 }))],
  ['IPv6 ULA fc00::/7', ipv6(hex(0xfc00, 0xfdff))],
  ['IPv6 link-local fe80::/10', ipv6(hex(0xfe80, 0xfebf))],
];

/** Reserved blocks (RFC 6890) inside the first octets below: benchmarking 198.18/15, documentation TEST-NET-2 and -3. */
const RESERVED_IPV4 = ['198.18.', '198.19.', '198.51.100.', '203.0.113.'];

/** Public IPv4: first octets outside every special range, minus the reserved blocks inside them. */
const publicIpv4 = ipv4(
  fc.oneof(
    fc.integer({ min: 1, max: 9 }),
    fc.integer({ min: 11, max: 99 }),
    fc.integer({ min: 101, max: 126 }),
    fc.integer({ min: 128, max: 168 }),
    fc.integer({ min: 170, max: 171 }),
    fc.integer({ min: 173, max: 191 }),
    fc.integer({ min: 193, max: 223 }),
  ),
).filter((address) => !RESERVED_IPV4.some((prefix) => address.startsWith(prefix)));

describe('hub callback address classifier', () => {
  it('refuses every internal range, also written as IPv4-mapped IPv6', () => {
    for (const [name, addresses] of INTERNAL) {
      fc.assert(
        fc.property(addresses, (address) => {
          expect(forbiddenRange(address), `${name}: ${address}`).toBeDefined();
          if (!address.includes(':')) {
            expect(forbiddenRange(`::ffff:${address}`), `mapped ${address}`).toBeDefined();
            const [a, b, c, d] = address.split('.').map(Number) as [number, number, number, number];
            const mappedHex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
            expect(forbiddenRange(mappedHex), mappedHex).toBeDefined();
          }
        }),
      );
    }
  });

  it('names the range in words and says how to allow it', () => {
    expect(forbiddenRange('127.0.0.1')).toBe('a loopback address');
    expect(forbiddenRange('169.254.169.254')).toContain('metadata');
    expect(forbiddenRange('::1')).toBe('a loopback address');
    expect(forbiddenRange('[::ffff:10.0.0.1]')).toContain('private');
    expect(forbiddenRange('0.0.0.0')).toContain('unspecified');
    expect(refusalOf(EMPTY_ALLOW_LIST, 'hooks.example.com', '10.1.2.3')).toMatch(
      /^callback hooks\.example\.com resolves to 10\.1\.2\.3, which is a private network address .*add "hooks\.example\.com" .*OUTPOST_HUB_ALLOWED_HOSTS$/,
    );
  });

  it('lets public unicast addresses through', () => {
    fc.assert(
      fc.property(publicIpv4, (address) => {
        expect(forbiddenRange(address)).toBeUndefined();
      }),
    );
    for (const address of ['8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) expect(forbiddenRange(address)).toBeUndefined();
    for (const address of ['198.18.3.4', '198.51.100.7', '203.0.113.9']) expect(forbiddenRange(address)).toBe('a reserved address');
  });

  it('allows an internal address inside an allow-listed CIDR and nothing outside it', () => {
    const allow = parseAllowList(['10.20.0.0/16', 'fd00::/8', 'Listener.Internal', '127.0.0.1']);
    fc.assert(
      fc.property(octet, octet, octet, (second, third, fourth) => {
        const address = `10.${second}.${third}.${fourth}`;
        expect(refusalOf(allow, address, address) === undefined).toBe(second === 20);
        expect(refusalOf(allow, address, `::ffff:${address}`) === undefined).toBe(second === 20);
      }),
    );
    expect(refusalOf(allow, 'fd12::1', 'fd12::1')).toBeUndefined();
    expect(refusalOf(allow, 'fe80::1', 'fe80::1')).toBeDefined();
    expect(refusalOf(allow, 'listener.internal', '10.9.9.9')).toBeUndefined();
    expect(refusalOf(allow, 'other.internal', '10.9.9.9')).toBeDefined();
    expect(refusalOf(allow, 'localhost', '127.0.0.1')).toBeUndefined();
    expect(refusalOf(allow, 'localhost', '127.0.0.2')).toBeDefined();
  });

  it('refuses an allow-list entry it cannot read, naming it', () => {
    expect(() => parseAllowList(['10.0.0.0/99'])).toThrow('"10.0.0.0/99" is not a valid CIDR');
    expect(() => parseAllowList(['bad host!'])).toThrow('"bad host!" is neither a host name');
    expect(parseAllowList([' ', '']).entries).toEqual([]);
  });
});
