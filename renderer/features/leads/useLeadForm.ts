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
import type { MergeChoices } from '../../../shared/leads/dedup';
import { likelyDuplicatesIn, type LikelyDuplicate } from './dedupIndex';
import { storeMerge } from './leadMerge';
import { useLocalDedup } from './useLocalDedup';

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
  /** Looking for likely duplicates before saving. */
  checking: boolean;
  /** Likely duplicates of what was typed, found on save: shown before anything is stored. */
  duplicates: { found: LikelyDuplicate[]; draft: LeadDoc } | null;
  edit(field: LeadField, value: string): void;
  /**
   * Validates, checks for likely duplicates (unless the rep chose to keep both), processes and
   * stores the lead; the lead's id, or null when it was not saved (errors, or duplicates to decide on).
   */
  save(options?: { keepBoth?: boolean }): Promise<string | null>;
  /** Merges what was typed into the matching lead `into`; the survivor's id, or null when it failed. */
  merge(into: LeadDoc, choices: MergeChoices): Promise<string | null>;
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
  const [checking, setChecking] = useState(false);
  const [duplicates, setDuplicates] = useState<LeadFormState['duplicates']>(null);
  const dedupReady = useLocalDedup();

  const edit = useCallback((field: LeadField, value: string) => {
    // What was found no longer describes what is typed: checked again on the next save.
    setDuplicates(null);
    setForm((current) => editLeadInput(current.input, current.errors, field, value));
  }, []);

  const save = useCallback(
    async ({ keepBoth = false }: { keepBoth?: boolean } = {}): Promise<string | null> => {
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
        if (!keepBoth) {
          setChecking(true);
          const found = likelyDuplicatesIn(await dedupReady(), lead);
          setChecking(false);
          if (found.length > 0) {
            setDuplicates({ found, draft: lead });
            setSaving(false);
            return null;
          }
        }
        setDuplicates(null);
        if (existing) await saveDocument(db, 'leads', lead);
        else await insertDocument(db, 'leads', lead);
        setSaving(false);
        return lead.id;
      } catch (e) {
        setSaveError(`The lead could not be saved: ${e instanceof Error ? e.message : String(e)}. What you typed is kept.`);
        setSaving(false);
        setChecking(false);
        return null;
      }
    },
    [db, user, form.input, ruleSets, existing, dedupReady],
  );

  const merge = useCallback(
    async (into: LeadDoc, choices: MergeChoices): Promise<string | null> => {
      if (!duplicates) return null;
      setSaveError(null);
      setSaving(true);
      try {
        // A lead being edited is stored: it is closed into the survivor; a new one lives on in the survivor's history.
        const kept = await storeMerge(db, into, duplicates.draft, choices, actorOf(user), ruleSets ?? [], existing !== undefined);
        setSaving(false);
        setDuplicates(null);
        return kept.id;
      } catch (e) {
        setSaveError(`The leads could not be merged: ${e instanceof Error ? e.message : String(e)}. What you typed is kept.`);
        setSaving(false);
        return null;
      }
    },
    [db, user, ruleSets, existing, duplicates],
  );

  return {
    input: form.input,
    errors: form.errors,
    focusRequest,
    saving,
    saveError,
    loadingRules: ruleSets === undefined,
    rulesMissing: ruleSets !== undefined && ruleSets.length === 0,
    checking,
    duplicates,
    edit,
    save,
    merge,
  };
}
