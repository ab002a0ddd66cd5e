/**
 * The lead capture form: its option lists and the parsing of what the rep typed. The same
 * field rules re-check a pushed lead on the central system (lead.validation.ts), so a lead the
 * form accepts is never refused on sync.
 */

import { unsafeTextReason } from '../text/unsafeText';

export const LEAD_OPTIONS = {
  countries: [
    { code: 'US', name: 'United States' },
    { code: 'CA', name: 'Canada' },
    { code: 'MX', name: 'Mexico' },
    { code: 'BR', name: 'Brazil' },
    { code: 'GB', name: 'United Kingdom' },
    { code: 'IE', name: 'Ireland' },
    { code: 'FR', name: 'France' },
    { code: 'DE', name: 'Germany' },
    { code: 'NL', name: 'Netherlands' },
    { code: 'ES', name: 'Spain' },
    { code: 'IT', name: 'Italy' },
    { code: 'SE', name: 'Sweden' },
    { code: 'IN', name: 'India' },
    { code: 'JP', name: 'Japan' },
    { code: 'AU', name: 'Australia' },
  ],
  productCategories: ['Monitors', 'Laptops', 'Computers', 'Connectivity', 'Voice', 'Security', 'Cloud'],
  purchaseTimeframes: ['Within 1 month', '1-3 months', '3-6 months', '6-12 months', 'More than 1 Year'],
  budgetStatuses: ['Approved', 'Pending', 'Not budgeted'],
  sources: ['Web form', 'Road show', 'Partner referral', 'Campaign', 'Inbound call', 'Trade show', 'Other'],
} as const satisfies {
  countries: readonly { code: string; name: string }[];
  productCategories: readonly string[];
  purchaseTimeframes: readonly string[];
  budgetStatuses: readonly string[];
  sources: readonly string[];
};

/** The form exactly as typed: every field is a string. */
export interface LeadInput {
  company: string;
  contactName: string;
  email: string;
  phone: string;
  country: string;
  productCategory: string;
  purchaseTimeframe: string;
  purchaseAmount: string;
  budgetStatus: string;
  source: string;
}

/** Parsed, trimmed lead fields; empty email/phone are left out. */
export interface LeadFields {
  company: string;
  contactName: string;
  email?: string;
  phone?: string;
  country: string;
  productCategory: string;
  purchaseTimeframe: string;
  /** Whole US dollars. */
  purchaseAmount: number;
  budgetStatus: string;
  source: string;
}

export type LeadErrors = Partial<Record<keyof LeadInput, string>>;

/** The free-text fields, as their messages name them. */
const TEXT_FIELDS = [
  { field: 'company', name: 'The company name' },
  { field: 'contactName', name: 'The contact name' },
  { field: 'email', name: 'The email' },
  { field: 'phone', name: 'The phone number' },
  { field: 'purchaseAmount', name: 'The purchase amount' },
] as const satisfies readonly { field: keyof LeadInput; name: string }[];

/**
 * The message for a typed text that carries a character no record may hold (NUL, control
 * characters, broken emoji), or undefined. Checked as the rep types, so the field says so at once.
 */
export function unsafeLeadText(field: keyof LeadInput, value: string): string | undefined {
  const spec = TEXT_FIELDS.find((f) => f.field === field);
  const reason = spec ? unsafeTextReason(value) : null;
  return spec && reason ? `${spec.name} ${reason}` : undefined;
}

export const MAX_TEXT_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

function oneOf(list: readonly string[], value: string): boolean {
  return list.includes(value);
}

/**
 * Checks parsed values. `purchaseAmount` is undefined when the typed text was not a number,
 * so the caller reports its own message for that case.
 */
export function checkLeadFields(fields: Omit<LeadFields, 'purchaseAmount'> & { purchaseAmount: unknown }): LeadErrors {
  const errors: LeadErrors = {};
  if (fields.company === '') errors.company = 'Enter the company name';
  else if (fields.company.length > MAX_TEXT_LENGTH) errors.company = `Shorten the company name to ${MAX_TEXT_LENGTH} characters`;
  if (fields.contactName === '') errors.contactName = 'Enter the name of the person to contact';
  else if (fields.contactName.length > MAX_TEXT_LENGTH) errors.contactName = `Shorten the contact name to ${MAX_TEXT_LENGTH} characters`;

  const email = fields.email ?? '';
  const phone = fields.phone ?? '';
  if (email !== '' && !EMAIL.test(email)) errors.email = 'Enter an email like name@company.com';
  if (phone !== '') {
    const digits = phone.replace(/\D/g, '').length;
    if (!PHONE_CHARS.test(phone) || digits < 6 || digits > 15) {
      errors.phone = 'Enter a phone number of 6 to 15 digits, like +1 555 010 0199';
    }
  }
  if (email === '' && phone === '') errors.email = 'Enter an email or a phone number so the lead can be reached';

  if (!LEAD_OPTIONS.countries.some((c) => c.code === fields.country)) errors.country = 'Choose a country from the list';
  if (!oneOf(LEAD_OPTIONS.productCategories, fields.productCategory)) errors.productCategory = 'Choose a product category from the list';
  if (!oneOf(LEAD_OPTIONS.purchaseTimeframes, fields.purchaseTimeframe))
    errors.purchaseTimeframe = 'Choose when the customer plans to buy from the list';
  if (!oneOf(LEAD_OPTIONS.budgetStatuses, fields.budgetStatus)) errors.budgetStatus = 'Choose a budget status from the list';
  if (!oneOf(LEAD_OPTIONS.sources, fields.source)) errors.source = 'Choose where the lead came from';

  const amount = fields.purchaseAmount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    errors.purchaseAmount = 'Purchase amount must be a number of dollars, like 50000';
  } else if (amount < 0) {
    errors.purchaseAmount = 'Purchase amount cannot be negative; enter 0 if it is not known';
  } else if (!Number.isSafeInteger(amount)) {
    errors.purchaseAmount = 'Enter the purchase amount in whole dollars, like 50000';
  }
  for (const { field } of TEXT_FIELDS) {
    const value = fields[field];
    // Unsafe characters win: no other message helps while the text cannot be stored at all.
    const unsafe = typeof value === 'string' ? unsafeLeadText(field, value) : undefined;
    if (unsafe) errors[field] = unsafe;
  }
  return errors;
}

/** "$50,000", "50 000" and "50000" all mean fifty thousand dollars. */
function parseDollars(text: string): number | undefined {
  const cleaned = text.trim().replace(/^\$/, '').replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

export function parseLeadInput(input: LeadInput): { ok: true; value: LeadFields } | { ok: false; errors: LeadErrors } {
  const email = input.email.trim();
  const phone = input.phone.trim();
  const value: LeadFields = {
    company: input.company.trim(),
    contactName: input.contactName.trim(),
    ...(email === '' ? {} : { email }),
    ...(phone === '' ? {} : { phone }),
    country: input.country.trim().toUpperCase(),
    productCategory: input.productCategory.trim(),
    purchaseTimeframe: input.purchaseTimeframe.trim(),
    purchaseAmount: 0,
    budgetStatus: input.budgetStatus.trim(),
    source: input.source.trim(),
  };
  const amount = parseDollars(input.purchaseAmount);
  const errors = checkLeadFields({ ...value, purchaseAmount: amount });
  const unsafeAmount = unsafeLeadText('purchaseAmount', input.purchaseAmount);
  if (unsafeAmount) errors.purchaseAmount = unsafeAmount;
  else if (input.purchaseAmount.trim() === '') errors.purchaseAmount = 'Enter the purchase amount in dollars, like 50000 (0 if not known)';
  if (Object.keys(errors).length > 0 || amount === undefined) return { ok: false, errors };
  return { ok: true, value: { ...value, purchaseAmount: amount } };
}
