import { useCallback, useState } from 'react';
import { newId } from '../../../shared/ids';
import { parseLeadInput, type LeadErrors, type LeadInput } from '../../../shared/leads/lead.form';
import type { LeadDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { useDocuments } from '../../data/hooks';
import { insertDocument, saveDocument } from '../../data/writes';
import { editedLeadDoc, editLeadInput, emptyLeadInput, firstInvalidField, leadInputOf, newLeadDoc, type LeadField } from './leadForm';
import { canProcessLead, processLeadDoc } from './leadProcessing';
import { sendLead } from '../../../shared/machines/lead.machine';
import { sendOrThrow } from '../../../shared/machines/send';
import { actorOf } from '../session/actor';

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
  /** Validates, processes and stores the lead; the lead's id, or null when it was not saved. */
  save(): Promise<string | null>;
}

/** What the form opens with: a refused lead shows at once which of its fields fail the rules. */
function initialForm(existing: LeadDoc | undefined): { input: LeadInput; errors: LeadErrors } {
  if (!existing) return { input: emptyLeadInput(), errors: {} };
  const input = leadInputOf(existing);
  const parsed = parseLeadInput(input);
  return { input, errors: existing.syncError && !parsed.ok ? parsed.errors : {} };
}

/**
 * The lead form's state: capture of a new lead, or the edit of `existing` (e.g. one the central
 * system refused). Either way the same parsing, unsafe-text rules and lead processing on save.
 */
export function useLeadForm(existing?: LeadDoc): LeadFormState {
  const { db, user } = useOutpost();
  const ruleSets = useDocuments('ruleSets');
  const [form, setForm] = useState<{ input: LeadInput; errors: LeadErrors }>(() => initialForm(existing));
  const [focusRequest, setFocusRequest] = useState<FocusRequest>(() => ({ field: firstInvalidField(form.errors) }));
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
      const actor = actorOf(user);
      // An edit goes through the lead machine's gate like every other change (not on a converted, disqualified or closed lead).
      if (existing) sendOrThrow(sendLead(existing, { type: 'lead.update' }, actor));
      const draft = existing
        ? editedLeadDoc(existing, parsed.value, now)
        : newLeadDoc({ id: newId(), owner: user.id, now, fields: parsed.value });
      const rules = ruleSets ?? [];
      // Re-processed on save with the synced rules, so the result and its explanation follow the edit.
      const lead = rules.length > 0 && canProcessLead(draft, actor) ? processLeadDoc(draft, rules, now, actor) : draft;
      if (existing) await saveDocument(db, 'leads', lead);
      else await insertDocument(db, 'leads', lead);
      setSaving(false);
      return lead.id;
    } catch (e) {
      setSaveError(`The lead could not be saved: ${e instanceof Error ? e.message : String(e)}. What you typed is kept.`);
      setSaving(false);
      return null;
    }
  }, [db, user, form.input, ruleSets, existing]);

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
