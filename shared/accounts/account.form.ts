/**
 * The new-account form: what the rep typed, checked field by field, and the account (with its
 * first site, billing account and optional contact) it becomes. The same rules re-check a pushed
 * account on the central system (account.validation.ts), so an account the form accepts is never
 * refused on sync.
 */
import type { AccountDoc, ContactDoc } from '../schemas';
import { LEAD_OPTIONS, MAX_TEXT_LENGTH } from '../leads/lead.form';
import { unsafeTextReason } from '../text/unsafeText';

/** The form exactly as typed. */
export interface AccountInput {
  name: string;
  country: string;
  industry: string;
  /** '' = a top-level account. */
  parentAccountId: string;
  siteName: string;
  street: string;
  city: string;
  postcode: string;
  billingName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export type AccountErrors = Partial<Record<keyof AccountInput, string>>;

export const EMPTY_ACCOUNT_INPUT: AccountInput = {
  name: '',
  country: 'US',
  industry: '',
  parentAccountId: '',
  siteName: '',
  street: '',
  city: '',
  postcode: '',
  billingName: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

/** Each text field as its messages name it; required ones say what to enter. */
const TEXT_FIELDS: readonly { field: keyof AccountInput; name: string; required?: string }[] = [
  { field: 'name', name: 'The account name', required: 'Enter the name of the customer' },
  { field: 'industry', name: 'The industry' },
  { field: 'siteName', name: 'The site name' },
  { field: 'street', name: 'The street', required: 'Enter the street of the service address' },
  { field: 'city', name: 'The city', required: 'Enter the city of the service address' },
  { field: 'postcode', name: 'The postcode', required: 'Enter the postcode of the service address' },
  { field: 'billingName', name: 'The billing account name' },
  { field: 'contactName', name: 'The contact name' },
  { field: 'contactEmail', name: 'The email' },
  { field: 'contactPhone', name: 'The phone number' },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

/** The message for one field as typed, or undefined: unsafe characters first, then the field's own rule. */
export function accountFieldError(field: keyof AccountInput, raw: string, knownAccountIds: ReadonlySet<string>): string | undefined {
  const value = raw.trim();
  const spec = TEXT_FIELDS.find((f) => f.field === field);
  if (spec) {
    const unsafe = unsafeTextReason(raw);
    if (unsafe) return `${spec.name} ${unsafe}`;
    if (spec.required && value === '') return spec.required;
    if (value.length > MAX_TEXT_LENGTH) return `Shorten ${spec.name.toLowerCase()} to ${MAX_TEXT_LENGTH} characters`;
  }
  if (field === 'country' && !LEAD_OPTIONS.countries.some((c) => c.code === value)) return 'Choose a country from the list';
  if (field === 'parentAccountId' && value !== '' && !knownAccountIds.has(value)) return 'Choose the parent account from the list';
  if (field === 'contactEmail' && value !== '' && !EMAIL.test(value)) return 'Enter an email like name@company.com';
  if (field === 'contactPhone' && value !== '') {
    const digits = value.replace(/\D/g, '').length;
    if (!PHONE_CHARS.test(value) || digits < 6 || digits > 15) return 'Enter a phone number of 6 to 15 digits, like +1 555 010 0199';
  }
  return undefined;
}

export function checkAccountInput(input: AccountInput, knownAccountIds: ReadonlySet<string>): AccountErrors {
  const errors: AccountErrors = {};
  for (const field of Object.keys(input) as (keyof AccountInput)[]) {
    const error = accountFieldError(field, input[field], knownAccountIds);
    if (error) errors[field] = error;
  }
  const hasContactDetail = input.contactEmail.trim() !== '' || input.contactPhone.trim() !== '';
  if (!errors.contactName && input.contactName.trim() === '' && hasContactDetail) {
    errors.contactName = 'Enter the name of the person these contact details belong to';
  }
  return errors;
}

export interface NewAccountIds {
  account: string;
  site: string;
  billing: string;
  contact: string;
}

export interface NewAccount {
  account: AccountDoc;
  /** Present when the rep named a contact. */
  contact?: ContactDoc;
}

/**
 * The documents a valid form becomes, or the errors to show. The ids are made once per form
 * (the caller keeps them), so saving again after a failure part-way never duplicates a record.
 */
export function buildAccount(
  input: AccountInput,
  ids: NewAccountIds,
  owner: string,
  now: string,
  knownAccountIds: ReadonlySet<string>,
): { ok: true; value: NewAccount } | { ok: false; errors: AccountErrors } {
  const errors = checkAccountInput(input, knownAccountIds);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const t = (field: keyof AccountInput) => input[field].trim();
  const meta = { owner, createdAt: now, updatedAt: now, syncPending: true };
  const hasContact = t('contactName') !== '';
  const account: AccountDoc = {
    id: ids.account,
    ...meta,
    name: t('name'),
    country: t('country'),
    ...(t('industry') === '' ? {} : { industry: t('industry') }),
    ...(t('parentAccountId') === '' ? {} : { parentAccountId: t('parentAccountId') }),
    ...(hasContact ? { primaryContactId: ids.contact } : {}),
    billingAccounts: [{ id: ids.billing, name: t('billingName') || `${t('name')} - billing` }],
    sites: [
      {
        id: ids.site,
        name: t('siteName') || 'Main site',
        street: t('street'),
        city: t('city'),
        postcode: t('postcode'),
        country: t('country'),
      },
    ],
  };
  if (!hasContact) return { ok: true, value: { account } };
  const contact: ContactDoc = {
    id: ids.contact,
    ...meta,
    accountId: ids.account,
    name: t('contactName'),
    ...(t('contactEmail') === '' ? {} : { email: t('contactEmail') }),
    ...(t('contactPhone') === '' ? {} : { phone: t('contactPhone') }),
  };
  return { ok: true, value: { account, contact } };
}
