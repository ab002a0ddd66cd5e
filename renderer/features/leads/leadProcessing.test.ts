import { describe, expect, it } from 'vitest';
import { parseLeadInput, type LeadInput } from '../../../shared/leads/lead.form';
import { VISION_RULE_SETS } from '../../../shared/leads/vision.ruleSets';
import { newLeadDoc } from './leadForm';
import { canConvertLead, canEditLead, canProcessLead, processLeadDoc } from './leadProcessing';

const NOW = '2025-05-01T10:00:00.000Z';

function lead(overrides: Partial<LeadInput> = {}) {
  const parsed = parseLeadInput({
    company: 'Acme Ltd',
    contactName: 'Jo Bloggs',
    email: 'jo@acme.com',
    phone: '',
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: '60000',
    budgetStatus: 'Approved',
    source: 'Web form',
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return newLeadDoc({ id: 'l1', owner: 'u1', now: NOW, fields: parsed.value });
}

describe('lead processing from the form', () => {
  it('stores a new lead as acknowledged, unprocessed, without empty optional fields', () => {
    const doc = lead();
    expect(doc).toMatchObject({ id: 'l1', owner: 'u1', status: 'acknowledged', purchaseAmount: 60000, email: 'jo@acme.com' });
    expect('phone' in doc).toBe(false);
    expect(doc.qualified).toBeUndefined();
    expect(canProcessLead(doc)).toBe(true);
    expect(canConvertLead(doc)).toBe(false);
  });

  it('qualifies, rates and routes a lead through the machine', () => {
    const processed = processLeadDoc(lead(), VISION_RULE_SETS, NOW);
    expect(processed.status).toBe('inProgress');
    expect(processed.qualified).toBe(true);
    expect(processed.rating).toBeTruthy();
    expect(processed.processedAt).toBe(NOW);
    expect(processed.processingTrace?.length).toBeGreaterThan(0);
    expect(canConvertLead(processed)).toBe(true);
  });

  it('leaves an unqualified lead acknowledged, with no rating, and not convertible', () => {
    const processed = processLeadDoc(lead({ country: 'FR' }), VISION_RULE_SETS, NOW);
    expect(processed.status).toBe('acknowledged');
    expect(processed.qualified).toBe(false);
    expect(processed.rating).toBeUndefined();
    expect(canConvertLead(processed)).toBe(false);
  });

  it('processes nothing qualified when no rule sets have synced', () => {
    const processed = processLeadDoc(lead(), [], NOW);
    expect(processed.qualified).toBe(false);
    expect(processed.status).toBe('acknowledged');
  });

  it('offers editing while the lead is open, never once it is closed or for someone who is not its owner', () => {
    const open = lead();
    expect(canEditLead(open)).toBe(true);
    for (const status of ['accepted', 'rejected', 'cancelled'] as const) expect(canEditLead({ ...open, status }), status).toBe(false);
    const manager = { kind: 'user', id: 'm1', role: 'manager', manages: () => true } as const;
    expect(canEditLead(open, manager)).toBe(false);
  });
});
