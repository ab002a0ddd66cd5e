import { describe, expect, it } from 'vitest';
import { parseLeadInput } from '../../../shared/leads/lead.form';
import {
  editedLeadDoc,
  editLeadInput,
  emptyLeadInput,
  firstInvalidField,
  LEAD_FIELDS,
  leadFieldId,
  leadInputOf,
  orderedErrors,
} from './leadForm';

const filled = {
  company: 'Acme Ltd',
  contactName: 'Jo Bloggs',
  email: 'jo@acme.com',
  phone: '',
  country: 'US',
  productCategory: 'Laptops',
  purchaseTimeframe: '1-3 months',
  purchaseAmount: '$60,000',
  budgetStatus: 'Approved',
  source: 'Web form',
};

describe('lead form', () => {
  it('has exactly the labelled fields of the capture journey, in order', () => {
    expect(LEAD_FIELDS.map((f) => f.label)).toEqual([
      'Company',
      'Contact name',
      'Email',
      'Phone',
      'Country',
      'Product category',
      'Purchase timeframe',
      'Purchase amount',
      'Budget status',
      'Source',
    ]);
    expect(LEAD_FIELDS.filter((f) => f.kind === 'select').map((f) => f.label)).toEqual([
      'Country',
      'Product category',
      'Purchase timeframe',
      'Budget status',
      'Source',
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

describe('editing a stored lead', () => {
  const stored = {
    id: 'lead-1',
    owner: 'user-sam',
    createdAt: '2024-05-01T09:00:00Z',
    updatedAt: '2024-05-01T09:00:00Z',
    syncPending: false,
    company: 'Acme Ltd',
    contactName: 'Jo Bloggs',
    email: 'jo-at-acme',
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: '1-3 months',
    purchaseAmount: 60000,
    budgetStatus: 'Approved',
    source: 'Web form',
    status: 'acknowledged' as const,
    syncError: { reason: 'Enter an email like name@company.com', at: '2024-05-01T09:01:00Z' },
  };

  it('opens with the stored values, and the rule the central system applied names the refused field', () => {
    const input = leadInputOf(stored);
    expect(input).toMatchObject({ company: 'Acme Ltd', email: 'jo-at-acme', phone: '', purchaseAmount: '60000' });
    const parsed = parseLeadInput(input);
    expect(parsed.ok ? {} : parsed.errors).toEqual({ email: stored.syncError.reason });
  });

  it('saves the corrected fields, clears the refusal and keeps the record identity', () => {
    const parsed = parseLeadInput({ ...leadInputOf(stored), email: 'jo@acme.com', phone: '+1 555 010 0199' });
    if (!parsed.ok) throw new Error('the corrected lead is valid');
    const edited = editedLeadDoc(stored, parsed.value, '2024-05-02T10:00:00Z');
    expect(edited).toMatchObject({
      id: 'lead-1',
      owner: 'user-sam',
      createdAt: stored.createdAt,
      email: 'jo@acme.com',
      phone: '+1 555 010 0199',
      syncPending: true,
      updatedAt: '2024-05-02T10:00:00Z',
    });
    expect(edited).not.toHaveProperty('syncError');
    const noPhone = parseLeadInput({ ...leadInputOf(edited), phone: '' });
    if (!noPhone.ok) throw new Error('still valid without a phone');
    expect(editedLeadDoc(edited, noPhone.value, '2024-05-02T11:00:00Z')).not.toHaveProperty('phone');
  });
});
