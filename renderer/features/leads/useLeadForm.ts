import { useCallback, useState } from 'react';
import { newId } from '../../../shared/ids';
import { parseLeadInput, type LeadErrors, type LeadInput } from '../../../shared/leads/lead.form';
import { useOutpost } from '../../app/OutpostContext';
import { useDocuments } from '../../data/hooks';
import { insertDocument } from '../../data/writes';
import { editLeadInput, emptyLeadInput, firstInvalidField, newLeadDoc, type LeadField } from './leadForm';
import { processLeadDoc } from './leadProcessing';

/** A new object each failed save, so focus moves again even when the same field is still first. */
export interface FocusRequest {
  field: LeadField | null;
}

export interface LeadFormState {
  input: LeadInput;
  errors: LeadErrors;
  focusRequest: FocusRequest;
  saving: boolean;
  saveError: string | null;
  /** Rule sets still loading from the local store. */
  loadingRules: boolean;
  /** The local store has no rule sets: the central system's were not downloaded yet. */
  rulesMissing: boolean;
  edit(field: LeadField, value: string): void;
  /** Validates, processes and stores the lead; the new lead's id, or null when it was not saved. */
  save(): Promise<string | null>;
}

export function useLeadForm(): LeadFormState {
  const { db, user } = useOutpost();
  const ruleSets = useDocuments('ruleSets');
  const [form, setForm] = useState<{ input: LeadInput; errors: LeadErrors }>(() => ({ input: emptyLeadInput(), errors: {} }));
  const [focusRequest, setFocusRequest] = useState<FocusRequest>({ field: null });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const edit = useCallback((field: LeadField, value: string) => {
    setForm((current) => editLeadInput(current.input, current.errors, field, value));
  }, []);

  const save = useCallback(async (): Promise<string | null> => {
    setSaveError(null);
    const parsed = parseLeadInput(form.input);
    if (!parsed.ok) {
      setForm({ input: form.input, errors: parsed.errors });
      setFocusRequest({ field: firstInvalidField(parsed.errors) });
      return null;
    }
    setForm({ input: form.input, errors: {} });
    setSaving(true);
    try {
      const now = new Date().toISOString();
      const draft = newLeadDoc({ id: newId(), owner: user.id, now, fields: parsed.value });
      const lead = ruleSets && ruleSets.length > 0 ? processLeadDoc(draft, ruleSets, now) : draft;
      await insertDocument(db, 'leads', lead);
      return lead.id;
    } catch (e) {
      setSaveError(`The lead could not be saved: ${e instanceof Error ? e.message : String(e)}. What you typed is kept.`);
      setSaving(false);
      return null;
    }
  }, [db, user.id, form.input, ruleSets]);

  return {
    input: form.input,
    errors: form.errors,
    focusRequest,
    saving,
    saveError,
    loadingRules: ruleSets === undefined,
    rulesMissing: ruleSets !== undefined && ruleSets.length === 0,
    edit,
    save,
  };
}
