import { useMemo, useRef, useState, type FormEvent } from 'react';
import {
  accountFieldError,
  buildAccount,
  EMPTY_ACCOUNT_INPUT,
  type AccountErrors,
  type AccountInput,
} from '../../../shared/accounts/account.form';
import { newId } from '../../../shared/ids';
import { LEAD_OPTIONS } from '../../../shared/leads/lead.form';
import { unsafeTextReason } from '../../../shared/text/unsafeText';
import { useOutpost } from '../../app/OutpostContext';
import { useNavigation } from '../../app/navigation';
import { useCollectionRows } from '../../data/hooks';
import { collectionOf } from '../../data/database';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';
import { ErrorNotice } from '../common/ErrorNotice';

type Field = keyof AccountInput;

/** The form's fields in screen order: label, kind and hint. */
const FIELDS: readonly { field: Field; label: string; kind?: 'select' | 'email' | 'tel'; hint?: string }[] = [
  { field: 'name', label: 'Account name' },
  { field: 'country', label: 'Country', kind: 'select' },
  { field: 'industry', label: 'Industry', hint: 'Optional' },
  { field: 'parentAccountId', label: 'Parent account', kind: 'select' },
  { field: 'siteName', label: 'Site name', hint: 'Optional, e.g. Head office' },
  { field: 'street', label: 'Street' },
  { field: 'city', label: 'City' },
  { field: 'postcode', label: 'Postcode' },
  { field: 'billingName', label: 'Billing account name', hint: 'Optional; the account name followed by “billing” otherwise' },
  { field: 'contactName', label: 'Contact name', hint: 'Optional' },
  { field: 'contactEmail', label: 'Contact email', kind: 'email', hint: 'Optional' },
  { field: 'contactPhone', label: 'Contact phone', kind: 'tel', hint: 'Optional' },
];

const fieldId = (field: Field) => `account-${field}`;

/**
 * A new customer account, offline too: validated at each field (unsafe characters refused as they
 * are typed), stored locally with its first site and billing account, and synced like any record.
 * The ids are made once per form, so saving again after a failure part-way never duplicates.
 */
export function AccountForm() {
  const { db, user } = useOutpost();
  const { navigate } = useNavigation();
  const accounts = useCollectionRows('accounts').rows;
  const [input, setInput] = useState<AccountInput>(EMPTY_ACCOUNT_INPUT);
  const [errors, setErrors] = useState<AccountErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ids = useRef({ account: newId(), site: newId(), billing: newId(), contact: newId() });
  const known = useMemo(() => new Set(accounts.map((a) => a.id)), [accounts]);
  const parents = useMemo(() => [...accounts].sort((a, b) => a.name.localeCompare(b.name)), [accounts]);

  function edit(field: Field, value: string) {
    setInput((current) => ({ ...current, [field]: value }));
    // Unsafe characters are named at once; the other rules when the rep saves, or while correcting a marked field.
    setErrors((current) => {
      const { [field]: _old, ...rest } = current;
      if (current[field] === undefined && unsafeTextReason(value) === null) return rest;
      const error = accountFieldError(field, value, known);
      return error ? { ...rest, [field]: error } : rest;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaveError(null);
    const built = buildAccount(input, ids.current, user.id, new Date().toISOString(), known);
    if (!built.ok) {
      setErrors(built.errors);
      const first = FIELDS.find((f) => built.errors[f.field]);
      if (first) document.getElementById(fieldId(first.field))?.focus();
      return;
    }
    setSaving(true);
    try {
      const { account, contact } = built.value;
      // Inserted only where absent: a retry after a failure part-way writes what is missing.
      if (contact && !(await collectionOf(db, 'contacts').findOne(contact.id).exec())) await collectionOf(db, 'contacts').insert(contact);
      if (!(await collectionOf(db, 'accounts').findOne(account.id).exec())) await collectionOf(db, 'accounts').insert(account);
      navigate({ page: 'account', id: account.id }, { replace: true });
    } catch (e) {
      setSaveError(`The account could not be saved: ${e instanceof Error ? e.message : String(e)}. Nothing typed is lost; save again.`);
      setSaving(false);
    }
  }

  const errorCount = FIELDS.filter((f) => errors[f.field]).length;
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>New account</h1>
      </div>
      <form className="form" noValidate aria-label="New account" onSubmit={(e) => void onSubmit(e)}>
        <div role="status" aria-live="polite">
          {errorCount > 0 ? (
            <p className="notice notice--error">
              {errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} correcting:{' '}
              {FIELDS.filter((f) => errors[f.field])
                .map((f) => f.label)
                .join(', ')}
              .
            </p>
          ) : null}
        </div>
        <div className="form-grid">
          {FIELDS.map((spec) =>
            spec.kind === 'select' ? (
              <SelectField
                key={spec.field}
                id={fieldId(spec.field)}
                label={spec.label}
                value={input[spec.field]}
                options={
                  spec.field === 'country'
                    ? LEAD_OPTIONS.countries.map((c) => ({ value: c.code, label: c.name }))
                    : parents.map((a) => ({ value: a.id, label: a.name }))
                }
                {...(spec.field === 'parentAccountId' ? { placeholder: 'None (a top-level account)' } : {})}
                error={errors[spec.field]}
                onChange={(v) => edit(spec.field, v)}
              />
            ) : (
              <TextField
                key={spec.field}
                id={fieldId(spec.field)}
                label={spec.label}
                type={spec.kind ?? 'text'}
                hint={spec.hint}
                value={input[spec.field]}
                error={errors[spec.field]}
                onChange={(v) => edit(spec.field, v)}
              />
            ),
          )}
        </div>
        {saveError ? <ErrorNotice>{saveError}</ErrorNotice> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            Save account
          </button>
          <button type="button" className="button" onClick={() => navigate({ page: 'accounts' })}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
