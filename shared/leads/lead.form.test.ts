import { describe, expect, it } from 'vitest';
import type { LeadDoc } from '../schemas';
import { LEAD_OPTIONS, parseLeadInput, type LeadInput } from './lead.form';
import { validateLeadDoc } from './lead.validation';

const valid: LeadInput = {
  company: ' Acme Corp ',
  contactName: 'Jane Doe',
  email: 'jane@acme.example',
  phone: '',
  country: 'US',
  productCategory: 'Laptops',
  purchaseTimeframe: 'Within 1 month',
  purchaseAmount: '$60,000',
  budgetStatus: 'Approved',
  source: 'Road show',
};

function errorsOf(input: Partial<LeadInput>) {
  const result = parseLeadInput({ ...valid, ...input });
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('LEAD_OPTIONS', () => {
  it('offers the US and a dozen other countries, the road-show and telecom categories', () => {
    expect(LEAD_OPTIONS.countries[0]).toEqual({ code: 'US', name: 'United States' });
    expect(LEAD_OPTIONS.countries.length).toBeGreaterThanOrEqual(13);
    expect(LEAD_OPTIONS.productCategories).toEqual(
      expect.arrayContaining(['Monitors', 'Laptops', 'Computers', 'Connectivity', 'Voice', 'Security', 'Cloud']),
    );
    expect(LEAD_OPTIONS.purchaseTimeframes).toEqual(['Within 1 month', '1-3 months', '3-6 months', '6-12 months', 'More than 1 Year']);
  });
});

describe('parseLeadInput', () => {
  it('trims the text, drops an empty phone and reads "$60,000" as 60000 dollars', () => {
    expect(parseLeadInput(valid)).toEqual({
      ok: true,
      value: {
        company: 'Acme Corp',
        contactName: 'Jane Doe',
        email: 'jane@acme.example',
        country: 'US',
        productCategory: 'Laptops',
        purchaseTimeframe: 'Within 1 month',
        purchaseAmount: 60000,
        budgetStatus: 'Approved',
        source: 'Road show',
      },
    });
  });

  it('accepts a phone number instead of an email', () => {
    const result = parseLeadInput({ ...valid, email: '', phone: '+1 (555) 010-0199' });
    expect(result.ok && result.value).toMatchObject({ phone: '+1 (555) 010-0199' });
    expect(result.ok && 'email' in result.value).toBe(false);
  });

  it('names every problem with what to fix', () => {
    const errors = errorsOf({
      company: '  ',
      contactName: '',
      country: 'Atlantis',
      productCategory: 'Boats',
      purchaseTimeframe: 'someday',
      budgetStatus: 'x',
      source: '',
      purchaseAmount: 'lots',
    });
    expect(errors).toEqual({
      company: 'Enter the company name',
      contactName: 'Enter the name of the person to contact',
      country: 'Choose a country from the list',
      productCategory: 'Choose a product category from the list',
      purchaseTimeframe: 'Choose when the customer plans to buy from the list',
      budgetStatus: 'Choose a budget status from the list',
      source: 'Choose where the lead came from',
      purchaseAmount: 'Purchase amount must be a number of dollars, like 50000',
    });
  });

  it('asks for a way to reach the lead when both email and phone are empty', () => {
    expect(errorsOf({ email: ' ', phone: '' })).toEqual({ email: 'Enter an email or a phone number so the lead can be reached' });
  });

  it('rejects a malformed email or phone', () => {
    expect(errorsOf({ email: 'jane.acme.example' }).email).toBe('Enter an email like name@company.com');
    expect(errorsOf({ phone: '12' }).phone).toMatch(/6 to 15 digits/);
    expect(errorsOf({ phone: 'call me' }).phone).toMatch(/6 to 15 digits/);
  });

  it('explains empty, negative and fractional purchase amounts', () => {
    expect(errorsOf({ purchaseAmount: '' }).purchaseAmount).toBe('Enter the purchase amount in dollars, like 50000 (0 if not known)');
    expect(errorsOf({ purchaseAmount: '-5' }).purchaseAmount).toMatch(/cannot be negative/);
    expect(errorsOf({ purchaseAmount: '100.50' }).purchaseAmount).toMatch(/whole dollars/);
  });

  it('accepts a lower-case country code from a pasted value', () => {
    expect(parseLeadInput({ ...valid, country: 'gb' })).toMatchObject({ ok: true, value: { country: 'GB' } });
  });
});

describe('validateLeadDoc', () => {
  const doc: LeadDoc = {
    id: 'l1',
    owner: 'u1',
    createdAt: 't',
    updatedAt: 't',
    syncPending: false,
    company: 'Acme',
    contactName: 'Jane',
    email: 'jane@acme.example',
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: 60000,
    budgetStatus: 'Approved',
    source: 'Road show',
    status: 'acknowledged',
  };

  it('accepts a lead the form would accept', () => {
    expect(validateLeadDoc(doc)).toEqual([]);
  });

  it('reports each broken field of a pushed lead with the form messages', () => {
    const bad = { ...doc, company: '', email: undefined, country: 'XX', purchaseAmount: Number.NaN, status: 'won' } as unknown as LeadDoc;
    expect(validateLeadDoc(bad)).toEqual([
      { field: 'company', message: 'Enter the company name' },
      { field: 'email', message: 'Enter an email or a phone number so the lead can be reached' },
      { field: 'country', message: 'Choose a country from the list' },
      { field: 'purchaseAmount', message: 'Purchase amount must be a number of dollars, like 50000' },
      {
        field: 'status',
        message: "Status 'won' is not a lead status; use one of acknowledged, inProgress, pending, accepted, rejected, cancelled",
      },
    ]);
  });

  it('refuses a NUL, a control character or a broken emoji in any typed text, saying where and what to do', () => {
    const errors = errorsOf({
      company: 'Acme\u0000 Corp',
      contactName: 'Jane\u0007',
      email: 'jane@acme.example\uD83D',
      purchaseAmount: '60\u0000000',
    });
    expect(errors.company).toBe('The company name contains a NUL character at position 5; delete it or type the text again');
    expect(errors.contactName).toBe(
      'The contact name contains an invisible control character (U+0007) at position 5; delete it or type the text again',
    );
    expect(errors.email).toMatch(/^The email contains a broken character .* at position 18; delete it/);
    expect(errors.purchaseAmount).toMatch(/^The purchase amount contains a NUL character/);
    expect(Object.keys(errors).sort()).toEqual(['company', 'contactName', 'email', 'purchaseAmount']);
  });

  it('keeps tabs, line breaks and whole emoji, which are safe', () => {
    expect(parseLeadInput({ ...valid, company: 'Acme \uD83D\uDE00 Corp' }).ok).toBe(true);
  });

  it('refuses an unsafe character in a pushed lead too, so the central system says the same', () => {
    const lead = {
      company: 'Acme\u0000',
      contactName: 'Jane',
      email: 'jane@acme.example',
      country: 'US',
      productCategory: 'Laptops',
      purchaseTimeframe: 'Within 1 month',
      purchaseAmount: 1,
      budgetStatus: 'Approved',
      source: 'Road show',
      status: 'acknowledged',
    } as unknown as LeadDoc;
    expect(validateLeadDoc(lead)).toEqual([
      { field: 'company', message: 'The company name contains a NUL character at position 5; delete it or type the text again' },
    ]);
  });
});
