import { describe, expect, it } from 'vitest';
import {
  addressKey,
  availabilityText,
  keepQualification,
  qualificationFreshness,
  qualificationRequest,
  qualificationsFromAnswer,
  quoteSites,
  undeliverableText,
  type Qualification,
} from './siteQualification';

const HQ = { id: 'site-hq', name: 'Head office', street: '12 High St', city: 'Boulder', postcode: '80301', country: 'US' };
const NOW = new Date('2026-12-02T10:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const answer = (available: Qualification['available'], checkedAt = NOW.toISOString()): Qualification => ({
  address: { street: HQ.street, city: HQ.city, postcode: HQ.postcode, country: HQ.country },
  checkedAt,
  expiresAt: new Date(Date.parse(checkedAt) + 30 * 86_400_000).toISOString(),
  available,
});

describe('site qualification', () => {
  it('lists the sites of an account and its children, and asks for each address', () => {
    const sites = quoteSites([
      { id: 'a', name: 'Bluepeak', sites: [HQ] },
      { id: 'b', name: 'Bluepeak Denver', sites: [{ ...HQ, id: 'site-den', name: undefined, street: '5 Main St', city: 'Denver' }] },
    ]);
    expect(sites.map((s) => s.label)).toEqual(['Head office, 12 High St, Boulder (Bluepeak)', '5 Main St, Denver (Bluepeak Denver)']);
    const body = qualificationRequest(sites, 'quote-1') as {
      serviceQualificationItem: { id: string; service: { place: { postcode: string }[] } }[];
    };
    expect(body.serviceQualificationItem.map((i) => [i.id, i.service.place[0]?.postcode])).toEqual([
      ['site-hq', '80301'],
      ['site-den', '80301'],
    ]);
    expect(addressKey({ ...HQ, street: ' 12  high st ', postcode: '803 01' })).toBe(addressKey(HQ));
  });

  it('reads a TMF645 answer per site: bandwidth where qualified, the reason where not', () => {
    const sites = quoteSites([{ id: 'a', name: 'A', sites: [HQ, { ...HQ, id: 'site-2', postcode: '99999' }] }]);
    const read = qualificationsFromAnswer(
      {
        checkServiceQualificationDate: NOW.toISOString(),
        expirationDate: '2027-01-01T10:00:00.000Z',
        serviceQualificationItem: [
          {
            id: 'site-hq',
            state: 'done',
            service: {
              serviceCharacteristic: [
                { name: 'fibreMaxBandwidthMbps', value: 1000 },
                { name: 'other', value: 1 },
              ],
            },
          },
          {
            id: 'site-2',
            state: 'done',
            service: {},
            eligibilityUnavailabilityReason: [{ code: 'noCoverage', label: 'Nothing reaches 99999' }],
          },
          { id: 'unknown', state: 'done' },
        ],
      },
      sites,
      NOW,
    );
    expect(availabilityText(read.get('site-hq') as Qualification)).toBe('Fibre up to 1000 Mbps');
    expect(availabilityText(read.get('site-2') as Qualification)).toBe('Nothing reaches 99999');
    expect(read.get('site-hq')?.expiresAt).toBe('2027-01-01T10:00:00.000Z');
    expect([...read.keys()]).toEqual(['site-hq', 'site-2']);
  });

  it('names what changed since the kept answer, and keeps that until something else changes', () => {
    const first = keepQualification(undefined, answer([{ technology: 'fibre', maxMbps: 1000 }], daysAgo(3)));
    expect(first.changes).toEqual([]);
    const second = keepQualification(first, answer([{ technology: '5g', maxMbps: 300 }]));
    expect(second.changes.map((c) => c.text)).toEqual([
      'Fibre no longer available at 12 High St since 2026-12-02',
      '5G now available at 12 High St (up to 300 Mbps) since 2026-12-02',
    ]);
    expect(keepQualification(second, answer([{ technology: '5g', maxMbps: 300 }])).changes).toEqual(second.changes);
    const slower = keepQualification(second, answer([{ technology: '5g', maxMbps: 100 }]));
    expect(slower.changes.map((c) => c.text)).toEqual(['5G at 12 High St now up to 100 Mbps (was 300) since 2026-12-02']);
  });

  it('uses a kept answer offline and says how old it is; checks again online once a day or when expired', () => {
    expect(qualificationFreshness(undefined, NOW, false)).toMatchObject({ state: 'none', check: false });
    expect(qualificationFreshness(undefined, NOW, true)).toMatchObject({ state: 'none', check: true });
    const kept = answer([{ technology: 'fibre', maxMbps: 1000 }], daysAgo(3));
    expect(qualificationFreshness(kept, NOW, false)).toEqual({ state: 'kept', check: false, text: 'checked 3 days ago, offline' });
    expect(qualificationFreshness(kept, NOW, true)).toEqual({ state: 'kept', check: true, text: 'checked 3 days ago' });
    const today = answer([], new Date(NOW.getTime() - 3_600_000).toISOString());
    expect(qualificationFreshness(today, NOW, true)).toEqual({ state: 'kept', check: false, text: 'checked today' });
    const old = answer([], daysAgo(40));
    expect(qualificationFreshness(old, NOW, false)).toMatchObject({ state: 'expired', check: false });
    expect(qualificationFreshness(old, NOW, false).text).toContain('checked 40 days ago, offline; expired on');
  });

  it('says when a line’s access offering does not reach its site', () => {
    const [site] = quoteSites([{ id: 'a', name: 'A', sites: [HQ] }]);
    const fiveG = answer([{ technology: '5g', maxMbps: 300 }]);
    const fibreLine = { offeringId: 'off-fibre-internet', offeringName: 'Business Fibre Internet' };
    expect(undeliverableText(fibreLine, site, fiveG)).toBe(
      'Business Fibre Internet cannot be delivered at 12 High St (Fibre does not reach it, checked 2026-12-02)',
    );
    expect(undeliverableText({ offeringId: 'off-5g-access', offeringName: '5G' }, site, fiveG)).toBeUndefined();
    expect(undeliverableText({ offeringId: 'off-sdwan', offeringName: 'SD-WAN' }, site, fiveG)).toBeUndefined();
    expect(undeliverableText(fibreLine, undefined, fiveG)).toBeUndefined();
  });
});
