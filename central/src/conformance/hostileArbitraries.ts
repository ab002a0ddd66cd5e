/**
 * Test support: fast-check generators of hostile HTTP input - malformed JSON, wrong types,
 * unknown fields, huge strings and arrays, deep nesting, prototype-pollution keys, absurd
 * paging values, unicode, NUL and lone surrogates - for any route, in path, query and body.
 */
import fc from 'fast-check';
import { CTK_ORDER, sellableOrder } from './cases/productOrdering';

/** Stay below Node's 16 KiB header limit: past it Node answers 431 before any route runs. */
export const MAX_URL_LENGTH = 15_000;

const HUGE = 'x'.repeat(10_000);
const SPECIAL = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFFx',
  '\u202E\u200B',
  '😀'.repeat(50),
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '-0',
  '0',
  '1e30',
  '1e309',
  '9007199254740993',
  '0x10',
  '1.5',
  ' 1',
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  '../../../etc/passwd',
  '%00',
  '%',
  '%zz',
  '__proto__',
  'constructor',
  'prototype',
  '${7*7}',
  '<script>alert(1)</script>',
  'acknowledged',
  'alex',
  'user-sam',
  'off-fibre-internet',
];

/** Text that breaks naive code: control characters, surrogates, SQL, paths, numbers as text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1e30, -1e30, Number.MAX_SAFE_INTEGER + 2, 1.5, 2 ** 31, -(2 ** 63)),
  fc.double({ noNaN: true }),
  fc.integer(),
);

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'];

/** Any JSON value, including the hostile scalars above (as a value, not raw text). */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), hostileText), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Bodies an honest client would send to some route: mutated below, so some reach deep code. */
function seedBodies(): unknown[] {
  const at = '2026-11-20T10:00:00.000Z';
  const lead = {
    id: 'b1f0c6d8-6b7a-4a8e-9a53-0d9a3f3c1a01',
    owner: 'user-alex',
    createdAt: at,
    updatedAt: at,
    syncPending: true,
    _deleted: false,
    company: 'Acme',
    contactName: 'Jo',
    email: 'jo@acme.example',
    country: 'US',
    status: 'acknowledged',
  };
  return [
    CTK_ORDER,
    sellableOrder('hostile-ext'),
    [{ newDocumentState: lead }],
    [{ newDocumentState: lead, assumedMasterState: lead }],
    { name: 'Hostile lead', status: 'acknowledged', productOffering: [{ id: 'off-fibre-internet' }] },
    { quoteItem: [{ id: '1', action: 'add', productOffering: { id: 'off-fibre-internet' } }], relatedParty: CTK_ORDER.relatedParty },
    { name: 'Offer', lifecycleStatus: 'Launched', isSellable: true },
    { callback: 'http://127.0.0.1:9/listener', query: 'eventType=ProductOrderCreateEvent' },
    { productOrder: { id: 'po-1' }, cancellationReason: 'changed mind' },
    { state: 'inProgress' },
    { status: 'active', name: 'Product', productOffering: { id: 'off-fibre-internet' } },
  ];
}

/** One seed with one field replaced, removed or added with a hostile value; or the seed wrapped. */
const mutatedSeed: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(...seedBodies()),
    fc.nat(),
    fc.constantFrom('replace', 'remove', 'add', 'wrap'),
    hostileValue,
    fc.oneof(hostileText, fc.constantFrom(...POLLUTION_KEYS)),
  )
  .map(([seed, index, how, value, key]) => {
    if (how === 'wrap') return [seed, seed];
    if (Array.isArray(seed) || seed === null || typeof seed !== 'object') return value;
    const copy: Record<string, unknown> = { ...(seed as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const target = keys[index % Math.max(keys.length, 1)] ?? 'x';
    if (how === 'replace') copy[target] = value;
    else if (how === 'remove') delete copy[target];
    else Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });

const deep = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
const MALFORMED = [
  '',
  '{',
  '[',
  '{"a":',
  '{"a" 1}',
  "{'a':1}",
  'nul',
  'NaN',
  '{"a":1,}',
  '[1,2',
  '"unterminated',
  '\u0000',
  '{"a":"\u0000"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1}{"b":2}',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '1e999',
  '-',
  '[]',
  '{}',
  '0',
  'true',
  '"text"',
];

export interface HostileBody {
  /** Raw bytes as text; undefined = no body. */
  raw: string | undefined;
  contentType: string;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
];

export const hostileBody: fc.Arbitrary<HostileBody> = fc.oneof(
  { weight: 5, arbitrary: mutatedSeed.map((value) => ({ raw: JSON.stringify(value) ?? 'null', contentType: 'application/json' })) },
  { weight: 2, arbitrary: hostileValue.map((value) => ({ raw: JSON.stringify(value) ?? 'null', contentType: 'application/json' })) },
  { weight: 2, arbitrary: fc.constantFrom(...MALFORMED).map((raw) => ({ raw, contentType: 'application/json' })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { raw: deep(5_000, '[', ']'), contentType: 'application/json' },
      { raw: deep(5_000, '{"a":', '}').replace(/}+$/, (end) => `1${end}`), contentType: 'application/json' },
      { raw: JSON.stringify(new Array(100_000).fill(0)), contentType: 'application/json' },
      {
        raw: JSON.stringify(Array.from({ length: 2_000 }, () => ({ newDocumentState: { id: HUGE.slice(0, 36) } }))),
        contentType: 'application/json',
      },
      { raw: JSON.stringify({ name: 'y'.repeat(900_000) }), contentType: 'application/json' },
      { raw: 'z'.repeat(1_100_000), contentType: 'application/json' },
    ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CONTENT_TYPES), hostileText).map(([contentType, raw]) => ({ raw, contentType })) },
  { weight: 1, arbitrary: fc.constant({ raw: undefined, contentType: 'application/json' }) },
);

const QUERY_NAMES = [
  'limit',
  'offset',
  'fields',
  'seq',
  'state',
  'status',
  'id',
  'externalId',
  'owner',
  'lifecycleStatus',
  'name',
  'sort',
  'filter',
];

/** `?a=b&...` (or '') with absurd paging, huge fields, repeated and odd names, NUL and unicode. */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUERY_NAMES) }, { weight: 1, arbitrary: hostileText }), hostileText),
    { maxLength: 4 },
  )
  .map((pairs) => {
    let total = 0;
    const kept = pairs.filter(([name, value]) => (total += name.length + value.length) < 11_000);
    return kept.length === 0 ? '' : `?${kept.map(([name, value]) => `${encodeHostile(name)}=${encodeHostile(value)}`).join('&')}`;
  });

/** A value for a path parameter (percent-encoded by the caller). */
export const hostilePathValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText.filter((text) => text.length > 0) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('acct-harbor-logistics', 'off-fibre-internet', 'leads', 'orders', 'offerings', 'hub') },
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) becomes the bytes
 * %ED%A0%80: not valid UTF-8, exactly what a hostile client would put in a URL.
 */
export function encodeHostile(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .join('%ED%A0%80');
}
