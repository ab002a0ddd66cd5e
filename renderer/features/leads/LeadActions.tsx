import { useEffect, useRef, useState, type FormEvent } from 'react';
import { leadActionState, type LeadAction } from '../../../shared/leads/lead.actions';
import { sendLead } from '../../../shared/machines/lead.machine';
import { sendOrThrow, type Actor } from '../../../shared/machines/send';
import type { LeadDoc, RuleSetDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { saveDocument } from '../../data/writes';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';
import type { AccountOffer } from '../../../shared/leads/conversionOffers';
import type { AccountDoc, ContactDoc } from '../../../shared/schemas';
import { conversionOffersIn } from './dedupIndex';
import { convertLeadInStore } from './leadConversion';
import { LeadConvertChoice } from './LeadConvertChoice';
import { localDedup } from './useLocalDedup';
import { closedLead, reasonProblem, reassignedLead, reopenedLead, type ClosingAction } from './leadLifecycle';
import { canConvertLead, canProcessLead, processLeadDoc } from './leadProcessing';
import { ErrorNotice } from '../common/ErrorNotice';

export interface LeadActionsProps {
  lead: LeadDoc;
  actor: Actor;
  ruleSets: readonly RuleSetDoc[];
  /** Reps the signed-in manager may hand the lead to (empty for a rep). */
  team: readonly string[];
  onEdit(): void;
}

type Open = ClosingAction | 'reassign' | null;

const BUTTONS: { action: LeadAction; label: string }[] = [
  { action: 'convert', label: 'Convert to opportunity' },
  { action: 'edit', label: 'Edit lead' },
  { action: 'disqualify', label: 'Disqualify' },
  { action: 'close', label: 'Close lead' },
  { action: 'infoProvided', label: 'Information received' },
  { action: 'reopen', label: 'Reopen' },
  { action: 'reassign', label: 'Reassign' },
];

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The lead's actions, each enabled only where the lead machine's gate allows it for the signed-in
 * user, with the reason beside a disabled one; disqualifying and closing ask for a reason,
 * reassigning (managers) for the rep.
 */
export function LeadActions({ lead, actor, ruleSets, team, onEdit }: LeadActionsProps) {
  const { db } = useOutpost();
  const { navigate } = useNavigation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [target, setTarget] = useState('');
  /** Existing accounts the lead matches: the rep picks one or a new account before converting. */
  const [offers, setOffers] = useState<AccountOffer[] | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (open === 'reassign') selectRef.current?.focus();
    else if (open) fieldRef.current?.focus();
  }, [open]);

  async function run(what: string, work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      setOpen(null);
    } catch (e) {
      setError(`The lead could not be ${what}: ${message(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const now = () => new Date().toISOString();
  const store = (doc: LeadDoc) => saveDocument(db, 'leads', doc);

  function act(action: LeadAction) {
    if (action === 'edit') return onEdit();
    if (action === 'disqualify' || action === 'close' || action === 'reassign') {
      setReason('');
      setReasonError(undefined);
      setTarget(team[0] ?? '');
      return setOpen(action);
    }
    if (action === 'convert') {
      return void run('converted', async () => {
        const found = conversionOffersIn(await localDedup(db).ready(), lead);
        if (found.length > 0) return setOffers(found);
        await convert(undefined);
      });
    }
    if (action === 'reopen') return void run('reopened', () => store(reopenedLead(lead, ruleSets, now(), actor)));
    if (action === 'infoProvided')
      return void run('updated', () => store(sendOrThrow(sendLead(lead, { type: 'lead.infoProvided' }, actor))));
  }

  async function convert(into: { account: AccountDoc; contact?: ContactDoc } | undefined) {
    const opportunity = await convertLeadInStore(db, lead, now(), actor, into);
    setOffers(null);
    navigate({ page: 'opportunity', id: opportunity.id });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open === 'reassign') {
      void run('reassigned', () => store(reassignedLead(lead, target, actor)));
      return;
    }
    if (!open) return;
    const problem = reasonProblem(open, reason);
    if (problem) {
      setReasonError(problem);
      fieldRef.current?.focus();
      return;
    }
    void run(open === 'disqualify' ? 'disqualified' : 'closed', () => store(closedLead(lead, open, reason, actor)));
  }

  // Managers only see Reassign; reps only what concerns their own work. Final leads offer Reopen.
  const shown = BUTTONS.filter(({ action }) => {
    if (action === 'reassign') return actor.kind === 'user' && actor.role === 'manager';
    if (action === 'infoProvided') return lead.status === 'pending';
    if (action === 'reopen') return lead.status === 'rejected' || lead.status === 'cancelled';
    if (action === 'convert') return !lead.opportunityId;
    if (action === 'disqualify' || action === 'close') return !['accepted', 'rejected', 'cancelled'].includes(lead.status);
    return true;
  });
  const states = shown.map((b) => ({ ...b, state: leadActionState(lead, b.action, actor, ruleSets) }));
  const processable = canProcessLead(lead, actor) && !canConvertLead(lead, actor) && ruleSets.length > 0;
  const disabled = states.filter((s) => !s.state.enabled);

  return (
    <>
      <div className="screen-actions">
        {lead.opportunityId ? (
          <button type="button" className="button" onClick={() => navigate({ page: 'opportunity', id: lead.opportunityId ?? '' })}>
            Open opportunity
          </button>
        ) : null}
        {states.map(({ action, label, state }) => (
          <button
            key={action}
            type="button"
            className={action === 'convert' || (action === 'edit' && lead.syncError) ? 'button button--primary' : 'button'}
            disabled={busy || !state.enabled}
            aria-describedby={state.enabled ? undefined : `lead-why-not-${action}`}
            aria-expanded={action === open ? true : undefined}
            onClick={() => act(action)}
          >
            {label}
          </button>
        ))}
        {processable ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run('processed', () => store(processLeadDoc(lead, ruleSets, now(), actor)))}
          >
            Process lead
          </button>
        ) : null}
      </div>
      {disabled.length > 0 ? (
        <ul className="muted lead-why-not" aria-label="Why some actions are unavailable">
          {disabled.map(({ action, label, state }) => (
            <li key={action} id={`lead-why-not-${action}`}>
              {label}: {state.enabled ? '' : state.why}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {offers ? (
        <LeadConvertChoice
          offers={offers}
          busy={busy}
          onConvert={(into) => void run('converted', () => convert(into))}
          onCancel={() => setOffers(null)}
        />
      ) : null}
      {open ? (
        <form
          className="section"
          aria-label={open === 'disqualify' ? 'Disqualify lead' : open === 'close' ? 'Close lead' : 'Reassign lead'}
          onSubmit={submit}
          noValidate
        >
          {open === 'reassign' ? (
            <SelectField
              id="lead-reassign-to"
              label="New owner"
              value={target}
              options={team.map((rep) => ({ value: rep, label: rep }))}
              onChange={setTarget}
              selectRef={selectRef}
              {...(team.length === 0 ? { error: 'No other rep of your team has leads on this laptop yet' } : {})}
            />
          ) : (
            <TextField
              id="lead-status-reason"
              label="Reason"
              hint={
                open === 'disqualify' ? 'Why this lead will not buy, e.g. no budget this year' : 'Why the lead is closed, e.g. duplicate'
              }
              value={reason}
              onChange={(value) => {
                setReason(value);
                setReasonError(undefined);
              }}
              error={reasonError}
              inputRef={fieldRef}
            />
          )}
          <div className="screen-actions">
            <button type="submit" className="button button--primary" disabled={busy || (open === 'reassign' && team.length === 0)}>
              {open === 'disqualify' ? 'Disqualify lead' : open === 'close' ? 'Close the lead' : 'Reassign lead'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setOpen(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
