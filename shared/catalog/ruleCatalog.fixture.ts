import type { OfferingDoc } from '../schemas';

/** A small catalog with one rule of each kind and a bundle with an included and an optional component. */
const base = { category: 'Connectivity', lifecycleStatus: 'Launched', isBundle: false, characteristics: [], prices: [] };
const stamp = { catalogVersion: 'test', updatedAt: '2026-11-01T00:00:00.000Z' };
const FIBRE = { id: 'fibre', name: 'Fibre' };
const FIVE_G = { id: '5g', name: '5G Access' };
const ONE_ACCESS = { kind: 'excludes' as const, role: 'one access line per site', offerings: [FIBRE, FIVE_G] };

export const RULE_CATALOG: OfferingDoc[] = [
  { ...base, ...stamp, ...FIBRE, relationships: [ONE_ACCESS] },
  { ...base, ...stamp, ...FIVE_G, relationships: [ONE_ACCESS] },
  {
    ...base,
    ...stamp,
    id: 'ip',
    name: 'Static IP',
    relationships: [{ kind: 'requires', role: 'a fibre access line', offerings: [FIBRE] }],
  },
  {
    ...base,
    ...stamp,
    id: 'sdwan',
    name: 'SD-WAN',
    relationships: [{ kind: 'oneOf', role: 'an access line', offerings: [FIBRE, FIVE_G] }],
  },
  {
    ...base,
    ...stamp,
    id: 'bundle',
    name: 'Office Bundle',
    isBundle: true,
    bundledOfferingIds: ['fibre'],
    bundledOfferings: [
      { offeringId: 'fibre', name: 'Fibre', min: 1, max: 1 },
      { offeringId: 'ip', name: 'Static IP', min: 0, max: 1 },
    ],
    relationships: [ONE_ACCESS],
  },
];
