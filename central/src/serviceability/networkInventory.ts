/**
 * The simulated network inventory that answers serviceability: which access technologies reach
 * an address, and how fast, from seeded coverage by postcode prefix (the longest prefix wins).
 * A stand-in for the operator's real inventory (OSS), so its answers are data, not chance.
 */
import { ACCESS_OFFERING_OF, type AccessTechnology } from '../../../shared/serviceability/siteQualification';

export type { AccessTechnology };

export interface Coverage {
  technology: AccessTechnology;
  maxMbps: number;
}

/** The access line offering each technology is sold as (catalog ids; the laptop reads the same table). */
export const OFFERING_OF = ACCESS_OFFERING_OF;

/** Seeded coverage: the seeded customers' sites and some areas around them. */
const COVERAGE: readonly { postcodePrefix: string; coverage: Coverage[] }[] = [
  // Boulder, CO (Bluepeak Outfitters): fibre and 5G.
  {
    postcodePrefix: '803',
    coverage: [
      { technology: 'fibre', maxMbps: 1000 },
      { technology: '5g', maxMbps: 300 },
    ],
  },
  // Oakland, CA (Harbor Logistics): fibre.
  { postcodePrefix: '946', coverage: [{ technology: 'fibre', maxMbps: 1000 }] },
  // Stockton, CA: 5G only, fibre is not built there yet.
  { postcodePrefix: '952', coverage: [{ technology: '5g', maxMbps: 300 }] },
  // Denver, CO: fibre up to 500 Mbps on the older build.
  {
    postcodePrefix: '802',
    coverage: [
      { technology: 'fibre', maxMbps: 500 },
      { technology: '5g', maxMbps: 100 },
    ],
  },
];

/** What reaches the address with this postcode; empty when nothing does. */
export function coverageAt(postcode: string): Coverage[] {
  const normalised = postcode.replace(/\s+/g, '').toUpperCase();
  const match = COVERAGE.filter((area) => normalised.startsWith(area.postcodePrefix)).sort(
    (a, b) => b.postcodePrefix.length - a.postcodePrefix.length,
  )[0];
  return match ? match.coverage.map((c) => ({ ...c })) : [];
}
