import { describe, expect, it } from 'vitest';
import { validateAccountDoc } from './account.validation';
import { opportunityForAccount, opportunityNameError } from './startFromAccount';
import { buildAccount, checkAccountInput, EMPTY_ACCOUNT_INPUT, type AccountInput } from './account.form';

const IDS = { account: 'acct-new', site: 'site-new', billing: 'ba-new', contact: 'contact-new' };
const NOW = '2026-12-01T10:00:00.000Z';
const VALID: AccountInput = {
  ...EMPTY_ACCOUNT_INPUT,
  name: '  Northwind Clinics ',
  street: '5 Harbour Road',
  city: 'Fresno',
  postcode: '93721',
};

describe('new account form', () => {
  it('makes an account with its first site and billing account, and no contact when none is named', () => {
    const built = buildAccount(VALID, IDS, 'user-alex', NOW, new Set());
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const { account, contact } = built.value;
    expect(contact).toBeUndefined();
    expect(account).toMatchObject({
      id: 'acct-new',
      owner: 'user-alex',
      syncPending: true,
      name: 'Northwind Clinics',
      country: 'US',
      billingAccounts: [{ id: 'ba-new', name: 'Northwind Clinics - billing' }],
      sites: [{ id: 'site-new', name: 'Main site', street: '5 Harbour Road', city: 'Fresno', postcode: '93721', country: 'US' }],
    });
    expect(account.parentAccountId).toBeUndefined();
    expect(validateAccountDoc(account)).toEqual([]);
  });

  it('names the contact as the primary contact and links it to the account, under a known parent', () => {
    const input = { ...VALID, parentAccountId: 'acct-head', contactName: 'Ana Ruiz', contactEmail: 'ana@northwind.example' };
    const built = buildAccount(input, IDS, 'user-alex', NOW, new Set(['acct-head']));
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.value.account.parentAccountId).toBe('acct-head');
    expect(built.value.account.primaryContactId).toBe('contact-new');
    expect(built.value.contact).toMatchObject({
      id: 'contact-new',
      accountId: 'acct-new',
      name: 'Ana Ruiz',
      email: 'ana@northwind.example',
    });
  });

  it('names every field to fix, in words', () => {
    const errors = checkAccountInput(
      { ...EMPTY_ACCOUNT_INPUT, country: 'XX', parentAccountId: 'acct-gone', contactEmail: 'ana@', contactPhone: '12' },
      new Set(['acct-head']),
    );
    expect(errors).toEqual({
      name: 'Enter the name of the customer',
      country: 'Choose a country from the list',
      parentAccountId: 'Choose the parent account from the list',
      street: 'Enter the street of the service address',
      city: 'Enter the city of the service address',
      postcode: 'Enter the postcode of the service address',
      contactName: 'Enter the name of the person these contact details belong to',
      contactEmail: 'Enter an email like name@company.com',
      contactPhone: 'Enter a phone number of 6 to 15 digits, like +1 555 010 0199',
    });
  });

  it('refuses unsafe characters at the field with the shared words', () => {
    const errors = checkAccountInput({ ...VALID, street: '5 Harbour\u0000 Road', siteName: 'Depot \uD83D' }, new Set());
    expect(errors.street).toBe('The street contains a NUL character at position 10; delete it or type the text again');
    expect(errors.siteName).toMatch(/^The site name contains a broken character/);
  });
});

describe('pushed account check (central)', () => {
  it('accepts a converted lead account without sites, refuses a blank name and a self parent', () => {
    const base = { id: 'a', owner: 'u', createdAt: NOW, updatedAt: NOW, syncPending: true, country: 'US' };
    expect(validateAccountDoc({ ...base, name: 'Acme', billingAccounts: [], sites: [] })).toEqual([]);
    expect(validateAccountDoc({ ...base, name: ' ', parentAccountId: 'a' }).map((i) => i.field)).toEqual(['name', 'parentAccountId']);
  });
});

describe('work started from an account', () => {
  const account = { id: 'acct-1', name: 'Harbor Logistics Inc.', primaryContactId: 'contact-1' };
  it('opens an opportunity for the account and its primary contact, named as typed or by default', () => {
    const opp = opportunityForAccount({ id: 'opp-9', owner: 'user-alex', now: NOW, account, name: '  Depot fibre ' });
    expect(opp).toMatchObject({ id: 'opp-9', name: 'Depot fibre', accountId: 'acct-1', contactId: 'contact-1', status: 'acknowledged' });
    expect(opportunityForAccount({ id: 'o', owner: 'u', now: NOW, account, name: '' }).name).toBe('Harbor Logistics Inc. - new business');
  });
  it('refuses an unsafe name with the shared words', () => {
    expect(opportunityNameError('Depot\u0007')).toBe(
      'The opportunity name contains an invisible control character (U+0007) at position 6; delete it or type the text again',
    );
    expect(() => opportunityForAccount({ id: 'o', owner: 'u', now: NOW, account, name: 'x\u0000' })).toThrow('NUL');
  });
});
