import { LEAD_OPTIONS, unsafeLeadText, type LeadErrors, type LeadFields, type LeadInput } from '../../../shared/leads/lead.form';
import type { LeadDoc } from '../../../shared/schemas';
import type { SelectOption } from '../common/SelectField';

export type LeadField = keyof LeadInput;

export interface LeadFieldSpec {
  field: LeadField;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'select';
  options?: readonly SelectOption[];
  hint?: string;
}

const plain = (values: readonly string[]): SelectOption[] => values.map((v) => ({ value: v, label: v }));

/** The capture form's fields in screen order: the order errors are listed and focus goes. */
export const LEAD_FIELDS: readonly LeadFieldSpec[] = [
  { field: 'company', label: 'Company', kind: 'text' },
  { field: 'contactName', label: 'Contact name', kind: 'text' },
  { field: 'email', label: 'Email', kind: 'email' },
  { field: 'phone', label: 'Phone', kind: 'tel' },
  { field: 'country', label: 'Country', kind: 'select', options: LEAD_OPTIONS.countries.map((c) => ({ value: c.code, label: c.name })) },
  { field: 'productCategory', label: 'Product category', kind: 'select', options: plain(LEAD_OPTIONS.productCategories) },
  { field: 'purchaseTimeframe', label: 'Purchase timeframe', kind: 'select', options: plain(LEAD_OPTIONS.purchaseTimeframes) },
  { field: 'purchaseAmount', label: 'Purchase amount', kind: 'text', hint: 'In US dollars, e.g. 50000' },
  { field: 'budgetStatus', label: 'Budget status', kind: 'select', options: plain(LEAD_OPTIONS.budgetStatuses) },
  { field: 'source', label: 'Source', kind: 'select', options: plain(LEAD_OPTIONS.sources) },
];

export function emptyLeadInput(): LeadInput {
  return {
    company: '',
    contactName: '',
    email: '',
    phone: '',
    country: '',
    productCategory: '',
    purchaseTimeframe: '',
    purchaseAmount: '',
    budgetStatus: '',
    source: '',
  };
}

/** The DOM id of a field's control; its error element is `<id>-error`. */
export function leadFieldId(field: LeadField): string {
  return `lead-${field}`;
}

/** Errors in screen order, with the label they belong to. */
export function orderedErrors(errors: LeadErrors): { field: LeadField; label: string; message: string }[] {
  return LEAD_FIELDS.flatMap(({ field, label }) => {
    const message = errors[field];
    return message ? [{ field, label, message }] : [];
  });
}

/** The first field (in screen order) that has an error, where focus goes after a failed save. */
export function firstInvalidField(errors: LeadErrors): LeadField | null {
  return orderedErrors(errors)[0]?.field ?? null;
}

/**
 * Typing in a field clears that field's error only; the others stay until the next save. Text
 * no record may hold (a NUL, a control character) is named at the field at once.
 */
export function editLeadInput(
  input: LeadInput,
  errors: LeadErrors,
  field: LeadField,
  value: string,
): { input: LeadInput; errors: LeadErrors } {
  const unsafe = unsafeLeadText(field, value);
  if (unsafe) return { input: { ...input, [field]: value }, errors: { ...errors, [field]: unsafe } };
  if (!errors[field]) return { input: { ...input, [field]: value }, errors };
  const rest: LeadErrors = { ...errors };
  delete rest[field];
  return { input: { ...input, [field]: value }, errors: rest };
}

export interface NewLeadDocInput {
  id: string;
  owner: string;
  now: string;
  fields: LeadFields;
}

/** The stored lead as typed (parsed), before processing: a new lead starts acknowledged (TMF699). */
export function newLeadDoc({ id, owner, now, fields }: NewLeadDocInput): LeadDoc {
  return {
    id,
    owner,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    company: fields.company,
    contactName: fields.contactName,
    ...(fields.email === undefined ? {} : { email: fields.email }),
    ...(fields.phone === undefined ? {} : { phone: fields.phone }),
    country: fields.country,
    productCategory: fields.productCategory,
    purchaseTimeframe: fields.purchaseTimeframe,
    purchaseAmount: fields.purchaseAmount,
    budgetStatus: fields.budgetStatus,
    source: fields.source,
    status: 'acknowledged',
  };
}

/** The form's text for a stored lead: what the rep sees when editing it. */
export function leadInputOf(lead: LeadDoc): LeadInput {
  return {
    company: lead.company,
    contactName: lead.contactName,
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    country: lead.country,
    productCategory: lead.productCategory,
    purchaseTimeframe: lead.purchaseTimeframe,
    purchaseAmount: String(lead.purchaseAmount),
    budgetStatus: lead.budgetStatus,
    source: lead.source,
  };
}

/**
 * The stored lead after an edit: the typed fields replace the old ones (an emptied email or
 * phone is removed) and a refusal is cleared, so sync sends the corrected lead to be judged again.
 */
export function editedLeadDoc(lead: LeadDoc, fields: LeadFields, now: string): LeadDoc {
  const { syncError: _refused, email: _email, phone: _phone, ...rest } = lead;
  return {
    ...rest,
    updatedAt: now,
    syncPending: true,
    company: fields.company,
    contactName: fields.contactName,
    ...(fields.email === undefined ? {} : { email: fields.email }),
    ...(fields.phone === undefined ? {} : { phone: fields.phone }),
    country: fields.country,
    productCategory: fields.productCategory,
    purchaseTimeframe: fields.purchaseTimeframe,
    purchaseAmount: fields.purchaseAmount,
    budgetStatus: fields.budgetStatus,
    source: fields.source,
  };
}
