/**
 * Seed 001's "Leads Deduplication rule" on the central system, with the shared dedup engine: a
 * lead posted over TMF699, or pushed new from a laptop, that is likely a copy of a stored lead
 * is flagged with the lead it duplicates and the fields that match; an unrelated one is not.
 */
import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import type { Json } from '../../test/client';
import { newLead } from '../../test/fixtures';
import { characteristicOf, SALES_LEAD, visionLeadBody } from '../../test/salesFixtures';

type Flag = { id: string; '@referredType': string; matchingFields: string };

describe.each(ENGINES)('TMF699 SalesLead deduplication on $name', (engine) => {
  const { tmf, alex } = centralSuite(engine);

  it('flags a posted lead that repeats a stored one with the fields that match, and not an unrelated one', async () => {
    const unique = `Dedup ${Date.now()}`;
    const body = (company: string, email: string) =>
      visionLeadBody({
        relatedParty: [
          { id: 'web-org', name: company, role: 'prospect', '@referredType': 'Organization' },
          { id: 'web-person', name: 'Quinn Harlow', role: 'contact', '@referredType': 'Individual' },
        ],
        prospectContact: [
          { mediumType: 'email', preferred: true, characteristic: { emailAddress: email } },
          { mediumType: 'postalAddress', characteristic: { city: 'Seattle', country: 'US' } },
        ],
      });
    const first = (await (await tmf.post(SALES_LEAD, body(`${unique} Trading Ltd`, 'quinn@dedup-trading.example'))).json()) as Json;
    expect(characteristicOf(first, 'possibleDuplicate')).toBeUndefined();

    const again = await tmf.post(SALES_LEAD, body(`${unique.toUpperCase()} TRADING`, 'Quinn@Dedup-Trading.example'));
    expect(again.status).toBe(201);
    const second = (await again.json()) as Json;
    const flags = characteristicOf(second, 'possibleDuplicate') as Flag[];
    expect(flags.find((f) => f.id === first.id)).toMatchObject({
      '@referredType': 'SalesLead',
      matchingFields: 'Company, Contact name, Email',
    });
    // Read back: the flag is kept, not only answered once.
    const read = (await (await tmf.get(`${SALES_LEAD}/${String(second.id)}`)).json()) as Json;
    expect(characteristicOf(read, 'possibleDuplicate')).toEqual(flags);

    const other = (await (await tmf.post(SALES_LEAD, body(`Unrelated ${Date.now()} Bakery`, 'ann@elsewhere.example'))).json()) as Json;
    const otherFlags = (characteristicOf(other, 'possibleDuplicate') ?? []) as Flag[];
    expect(otherFlags.map((f) => f.id)).not.toContain(first.id);
  });

  it('flags a lead pushed new from a laptop that repeats one already stored', async () => {
    const company = `Pushdup ${Date.now()} GmbH`;
    const original = newLead('user-alex', {
      company,
      contactName: 'Rae Sorensen',
      email: 'rae@pushdup.example',
      phone: '+49 30 1234 5678',
    });
    expect(await alex.push('leads', [{ newDocumentState: original }])).toEqual([]);
    const copy = newLead('user-alex', { company: company.toLowerCase(), contactName: 'Sorensen, Rae', phone: '030 1234 5678' });
    expect(await alex.push('leads', [{ newDocumentState: copy }])).toEqual([]);
    const read = (await (await tmf.get(`${SALES_LEAD}/${copy.id}`)).json()) as Json;
    const flags = characteristicOf(read, 'possibleDuplicate') as Flag[];
    expect(flags.find((f) => f.id === original.id)?.matchingFields).toBe('Company, Contact name, Phone');
  });
});
