import { describe, expect, it } from 'vitest';
import { parseLeadInput } from '../../../shared/leads/lead.form';
import { editLeadInput, emptyLeadInput, firstInvalidField, LEAD_FIELDS, leadFieldId, orderedErrors } from './leadForm';

const filled = {
  company: 'Acme Ltd', contactName: 'Jo Bloggs', email: 'jo@acme.com', phone: '', country: 'US', productCategory: 'Laptops',
  purchaseTimeframe: '1-3 months', purchaseAmount: '$60,000', budgetStatus: 'Approved', source: 'Web form',
};

describe('lead form', () => {
  it('has exactly the labelled fields of the capture journey, in order', () => {
    expect(LEAD_FIELDS.map((f) => f.label)).toEqual([
      'Company', 'Contact name', 'Email', 'Phone', 'Country', 'Product category', 'Purchase timeframe', 'Purchase amount', 'Budget status', 'Source',
    ]);
    expect(LEAD_FIELDS.filter((f) => f.kind === 'select').map((f) => f.label)).toEqual([
      'Country', 'Product category', 'Purchase timeframe', 'Budget status', 'Source',
    ]);
    for (const f of LEAD_FIELDS.filter((s) => s.kind === 'select')) expect(f.options?.length).toBeGreaterThan(0);
    expect(leadFieldId('contactName')).toBe('lead-contactName');
  });

  it('lists errors in screen order and focuses the first invalid field', () => {
    const parsed = parseLeadInput({ ...emptyLeadInput(), company: 'Acme' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const list = orderedErrors(parsed.errors);
    expect(list[0]?.field).toBe('contactName');
    expect(list.map((e) => e.field)).toEqual(LEAD_FIELDS.map((f) => f.field).filter((f) => parsed.errors[f]));
    expect(firstInvalidField(parsed.errors)).toBe('contactName');
    expect(firstInvalidField({})).toBeNull();
  });

  it('keeps what was typed and clears only the edited field’s error', () => {
    const errors = { company: 'Enter the company name', email: 'bad' };
    const next = editLeadInput({ ...filled, company: '' }, errors, 'company', 'A');
    expect(next.input).toEqual({ ...filled, company: 'A' });
    expect(next.errors).toEqual({ email: 'bad' });
    const same = editLeadInput(filled, errors, 'phone', '1');
    expect(same.errors).toBe(errors);
  });

  it('names an unsafe character at its field as soon as it is typed, keeping the text', () => {
    const next = editLeadInput(filled, {}, 'contactName', 'Jo\u0000');
    expect(next.input.contactName).toBe('Jo\u0000');
    expect(next.errors.contactName).toBe('The contact name contains a NUL character at position 3; delete it or type the text again');
    expect(editLeadInput(next.input, next.errors, 'contactName', 'Jo').errors.contactName).toBeUndefined();
  });
});
