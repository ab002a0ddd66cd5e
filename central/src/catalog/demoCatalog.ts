import type { OfferingDoc } from '../../../shared/schemas';

/** A telecom business catalog (TMF620 offerings with embedded prices); amounts in USD cents. */
export const CATALOG_VERSION = '2026.11';
const UPDATED_AT = '2026-11-01T00:00:00.000Z';
const USD = 'USD';

type Price = OfferingDoc['prices'][number];
type Discount = NonNullable<OfferingDoc['discounts']>[number];
type Characteristic = OfferingDoc['characteristics'][number];

const when = (characteristic: string, value: string) => ({ characteristic, value });
const monthly = (id: string, name: string, amount: number, condition?: { characteristic: string; value: string }): Price => ({
  id,
  name,
  priceType: 'recurring',
  recurringChargePeriod: 'month',
  amount,
  currency: USD,
  ...(condition ? { when: condition } : {}),
});
const oneTime = (id: string, name: string, amount: number): Price => ({ id, name, priceType: 'oneTime', amount, currency: USD });
const choice = (name: string, values: string[], defaultValue: string): Characteristic => ({ name, values, default: defaultValue });
const TERM = 'Contract term';
const term = (...months: number[]): Characteristic =>
  choice(
    TERM,
    months.map((m) => `${m} months`),
    `${months[0]} months`,
  );
const termDiscount = (months: number, percent: number, appliesTo: Discount['appliesTo'] = 'recurring'): Discount => ({
  name: `${months}-month term${appliesTo === 'oneTime' ? ' (one-time charges)' : ''}`,
  appliesTo,
  percent,
  when: when(TERM, `${months} months`),
});

type Relationship = NonNullable<OfferingDoc['relationships']>[number];
type Component = NonNullable<OfferingDoc['bundledOfferings']>[number];

const FIBRE = { id: 'off-fibre-internet', name: 'Business Fibre Internet' };
const FIVE_G = { id: 'off-5g-access', name: 'Business 5G Access' };
const ACCESS_LINES = [FIBRE, FIVE_G];
/** Compatibility rules are catalog data (TMF620 productOfferingRelationship), checked by shared/catalog/configRules.ts. */
const rule = (kind: Relationship['kind'], role: string, offerings: Relationship['offerings']): Relationship => ({ kind, role, offerings });
const ONE_ACCESS_LINE = rule('excludes', 'one access line per site', ACCESS_LINES);
const component = (offeringId: string, name: string, min: number, max: number): Component => ({ offeringId, name, min, max });

function offering(
  doc: Omit<OfferingDoc, 'catalogVersion' | 'updatedAt' | 'isBundle' | 'lifecycleStatus'> & Partial<OfferingDoc>,
): OfferingDoc {
  return { isBundle: false, lifecycleStatus: 'Launched', catalogVersion: CATALOG_VERSION, updatedAt: UPDATED_AT, ...doc };
}

export const SEED_OFFERINGS: readonly OfferingDoc[] = [
  offering({
    id: 'off-fibre-internet',
    name: 'Business Fibre Internet',
    description: 'Symmetric fibre access with a 99.9% availability SLA and 4-hour fault repair.',
    category: 'Connectivity',
    characteristics: [choice('Bandwidth', ['100 Mbps', '500 Mbps', '1 Gbps'], '100 Mbps'), term(12, 24, 36)],
    prices: [
      monthly('price-fibre-100', 'Monthly fee 100 Mbps', 7900, when('Bandwidth', '100 Mbps')),
      monthly('price-fibre-500', 'Monthly fee 500 Mbps', 14900, when('Bandwidth', '500 Mbps')),
      monthly('price-fibre-1g', 'Monthly fee 1 Gbps', 24900, when('Bandwidth', '1 Gbps')),
      oneTime('price-fibre-install', 'Installation', 19900),
    ],
    discounts: [termDiscount(24, 10), termDiscount(36, 15), termDiscount(36, 100, 'oneTime')],
    relationships: [ONE_ACCESS_LINE],
  }),
  offering({
    id: FIVE_G.id,
    name: FIVE_G.name,
    description: 'Fixed-wireless 5G access for sites fibre does not reach yet, with 4G fallback.',
    category: 'Connectivity',
    characteristics: [choice('Bandwidth', ['100 Mbps', '300 Mbps'], '100 Mbps'), term(12, 24)],
    prices: [
      monthly('price-5g-100', 'Monthly fee 100 Mbps', 5900, when('Bandwidth', '100 Mbps')),
      monthly('price-5g-300', 'Monthly fee 300 Mbps', 9900, when('Bandwidth', '300 Mbps')),
      oneTime('price-5g-router', 'Outdoor router and installation', 9900),
    ],
    discounts: [termDiscount(24, 10)],
    relationships: [ONE_ACCESS_LINE],
  }),
  offering({
    id: 'off-sdwan-edge',
    name: 'SD-WAN Edge',
    description: 'Managed SD-WAN appliance per site with application-aware routing and a cloud portal.',
    category: 'Networking',
    characteristics: [choice('Appliance', ['Branch S', 'Branch L'], 'Branch S'), term(12, 36)],
    prices: [
      monthly('price-sdwan-s', 'Monthly fee Branch S', 12900, when('Appliance', 'Branch S')),
      monthly('price-sdwan-l', 'Monthly fee Branch L', 21900, when('Appliance', 'Branch L')),
      oneTime('price-sdwan-setup', 'Appliance and setup', 49900),
    ],
    discounts: [termDiscount(36, 10)],
    relationships: [rule('oneOf', 'an access line', ACCESS_LINES)],
  }),
  offering({
    id: 'off-business-voice',
    name: 'Business Voice (SIP trunk)',
    description: 'SIP trunk with local numbers, number porting and unlimited US calls per channel.',
    category: 'Voice',
    characteristics: [choice('SIP channels', ['4', '8', '16', '30'], '8'), term(12, 24)],
    prices: [
      monthly('price-voice-4', 'Monthly fee 4 channels', 5900, when('SIP channels', '4')),
      monthly('price-voice-8', 'Monthly fee 8 channels', 10900, when('SIP channels', '8')),
      monthly('price-voice-16', 'Monthly fee 16 channels', 19900, when('SIP channels', '16')),
      monthly('price-voice-30', 'Monthly fee 30 channels', 34900, when('SIP channels', '30')),
      oneTime('price-voice-setup', 'Number porting and setup', 9900),
    ],
    discounts: [termDiscount(24, 5)],
  }),
  offering({
    id: 'off-mobile-business',
    name: 'Mobile Business',
    description: 'Business mobile plans per line (quantity = lines), 5G, EU and Canada roaming included.',
    category: 'Mobile',
    characteristics: [choice('Plan', ['Essential 10 GB', 'Plus 50 GB', 'Unlimited'], 'Plus 50 GB'), term(12, 24)],
    prices: [
      monthly('price-mobile-essential', 'Monthly fee Essential 10 GB', 2500, when('Plan', 'Essential 10 GB')),
      monthly('price-mobile-plus', 'Monthly fee Plus 50 GB', 3900, when('Plan', 'Plus 50 GB')),
      monthly('price-mobile-unlimited', 'Monthly fee Unlimited', 5500, when('Plan', 'Unlimited')),
      oneTime('price-mobile-sim', 'SIM activation', 1000),
    ],
    discounts: [termDiscount(24, 10)],
  }),
  offering({
    id: 'off-managed-firewall',
    name: 'Managed Firewall',
    description: 'Next-generation firewall managed by our SOC, with intrusion prevention and monthly reports.',
    category: 'Security',
    characteristics: [choice('Throughput', ['1 Gbps', '5 Gbps'], '1 Gbps'), term(12, 36)],
    prices: [
      monthly('price-firewall-1g', 'Monthly fee 1 Gbps', 9900, when('Throughput', '1 Gbps')),
      monthly('price-firewall-5g', 'Monthly fee 5 Gbps', 19900, when('Throughput', '5 Gbps')),
      oneTime('price-firewall-onboarding', 'Onboarding', 29900),
    ],
    discounts: [termDiscount(36, 10)],
  }),
  offering({
    id: 'off-m365-business',
    name: 'Microsoft 365 Business',
    description: 'Microsoft 365 seats (quantity = seats) billed with your connectivity.',
    category: 'Cloud',
    characteristics: [
      choice('Edition', ['Basic', 'Standard', 'Premium'], 'Standard'),
      choice('Commitment', ['Monthly', 'Annual'], 'Annual'),
    ],
    prices: [
      monthly('price-m365-basic', 'Per seat Basic', 600, when('Edition', 'Basic')),
      monthly('price-m365-standard', 'Per seat Standard', 1250, when('Edition', 'Standard')),
      monthly('price-m365-premium', 'Per seat Premium', 2200, when('Edition', 'Premium')),
    ],
    discounts: [{ name: 'Annual commitment', appliesTo: 'recurring', percent: 5, when: when('Commitment', 'Annual') }],
  }),
  offering({
    id: 'off-static-ip',
    name: 'Static IP Block',
    description: 'Public IPv4 addresses for a fibre access.',
    category: 'Connectivity',
    characteristics: [choice('Block', ['/29 (5 usable)', '/28 (13 usable)'], '/29 (5 usable)')],
    prices: [
      monthly('price-ip-29', 'Monthly fee /29', 1500, when('Block', '/29 (5 usable)')),
      monthly('price-ip-28', 'Monthly fee /28', 3000, when('Block', '/28 (13 usable)')),
    ],
    discounts: [],
    relationships: [rule('requires', 'a fibre access line', [FIBRE])],
  }),
  offering({
    id: 'off-office-connect-bundle',
    name: 'Office Connect Bundle',
    description: 'Business Fibre Internet 500 Mbps, Business Voice with 8 SIP channels and 10 Microsoft 365 Standard seats.',
    category: 'Bundles',
    isBundle: true,
    bundledOfferingIds: ['off-fibre-internet', 'off-business-voice', 'off-m365-business'],
    bundledOfferings: [
      component('off-fibre-internet', 'Business Fibre Internet', 1, 1),
      component('off-business-voice', 'Business Voice (SIP trunk)', 1, 1),
      component('off-m365-business', 'Microsoft 365 Business', 1, 1),
      component('off-static-ip', 'Static IP Block', 0, 1),
      component('off-managed-firewall', 'Managed Firewall', 0, 1),
    ],
    // The bundle brings its own fibre line, so no other access line may share its site.
    relationships: [ONE_ACCESS_LINE],
    characteristics: [term(24, 36)],
    prices: [monthly('price-bundle-monthly', 'Bundle monthly fee', 34900), oneTime('price-bundle-install', 'Installation', 9900)],
    discounts: [termDiscount(36, 5), termDiscount(36, 100, 'oneTime')],
  }),
  offering({
    id: 'off-business-adsl',
    name: 'Business ADSL',
    description: 'Copper broadband, no longer sold: existing customers keep it until migration to fibre.',
    category: 'Connectivity',
    lifecycleStatus: 'Retired',
    characteristics: [choice('Speed', ['24 Mbps'], '24 Mbps')],
    prices: [monthly('price-adsl-monthly', 'Monthly fee', 3900), oneTime('price-adsl-install', 'Installation', 4900)],
    discounts: [],
  }),
];
