import { useState } from 'react';
import { validateRuleSetDraft, type RuleSetIssue } from '../../../shared/leads/ruleSetValidation';
import type { PublishedRuleSet } from '../../../shared/leads/ruleAdmin';
import { useOutpost } from '../../app/OutpostContext';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';
import { ConditionRows } from './ConditionRows';
import { failureText, publishRuleSet } from './ruleAdminApi';
import { draftFromRuleSet, move, newRule, publishBody, type RuleDraft, type SetDraft } from './ruleDraft';
import { ErrorNotice } from '../common/ErrorNotice';

const QUALIFIED_OPTIONS = [
  { value: 'yes', label: 'Qualified' },
  { value: 'no', label: 'Not qualified' },
];

function outcomeLabel(engine: SetDraft['engine'], n: number): string {
  if (engine === 'qualification') return `Rule ${n}: outcome`;
  return `Rule ${n}: ${engine === 'rating' ? 'rating given' : 'channel chosen'}`;
}

/**
 * Edits one rule set - name, precedence, guards, rules and their order - and publishes it as
 * the next version. Checked here with the central system's own validation first, so what to fix
 * shows before anything is sent; the draft stays on screen until it is published.
 */
export function RuleSetEditor({ ruleSet, onPublished }: { ruleSet: PublishedRuleSet; onPublished(next: PublishedRuleSet): void }) {
  const { central } = useOutpost();
  const [draft, setDraft] = useState<SetDraft>(() => draftFromRuleSet(ruleSet));
  const [issues, setIssues] = useState<RuleSetIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const engine = draft.engine;

  const setRules = (rules: RuleDraft[]) => setDraft((d) => ({ ...d, rules }));
  const setRule = (index: number, rule: RuleDraft) => setRules(draft.rules.map((r, i) => (i === index ? rule : r)));

  const publish = async () => {
    setFailure(null);
    const body = publishBody(draft);
    const check = validateRuleSetDraft(body);
    setIssues(check.ok ? [] : check.issues);
    if (!check.ok) return;
    setBusy(true);
    try {
      onPublished(await publishRuleSet(central, draft.id, body));
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-labelledby="rule-set-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        void publish();
      }}
    >
      <h2 id="rule-set-editor-title">
        {ruleSet.name} ({engine}), version {ruleSet.version}
      </h2>
      <div className="form-grid">
        <TextField id="rule-set-name" label="Rule set name" value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} />
        <TextField
          id="rule-set-precedence"
          label="Precedence"
          inputMode="numeric"
          hint="Lower runs first when several sets of this engine apply"
          value={draft.precedence}
          onChange={(precedence) => setDraft((d) => ({ ...d, precedence }))}
        />
      </div>
      <fieldset>
        <legend>Guards: the leads this set applies to</legend>
        <ConditionRows
          idPrefix="guard"
          label="Guard"
          engine={engine}
          conditions={draft.guards}
          onChange={(guards) => setDraft((d) => ({ ...d, guards }))}
        />
      </fieldset>
      <h3>Rules, tried in order: the first that matches decides</h3>
      <ol className="rule-list">
        {draft.rules.map((rule, i) => {
          const n = i + 1;
          return (
            <li key={rule.key}>
              <fieldset>
                <legend>
                  Rule {n}: {rule.name || 'unnamed'}
                </legend>
                <div className="form-grid">
                  <TextField
                    id={`rule-${rule.key}-name`}
                    label={`Rule ${n}: name`}
                    value={rule.name}
                    onChange={(name) => setRule(i, { ...rule, name })}
                  />
                  {engine === 'qualification' ? (
                    <SelectField
                      id={`rule-${rule.key}-outcome`}
                      label={outcomeLabel(engine, n)}
                      value={rule.outcome}
                      options={QUALIFIED_OPTIONS}
                      onChange={(outcome) => setRule(i, { ...rule, outcome })}
                    />
                  ) : (
                    <TextField
                      id={`rule-${rule.key}-outcome`}
                      label={outcomeLabel(engine, n)}
                      value={rule.outcome}
                      onChange={(outcome) => setRule(i, { ...rule, outcome })}
                    />
                  )}
                </div>
                <ConditionRows
                  idPrefix={`rule-${rule.key}`}
                  label={`Rule ${n} condition`}
                  engine={engine}
                  conditions={rule.conditions}
                  onChange={(conditions) => setRule(i, { ...rule, conditions })}
                />
                <div className="form-actions">
                  <button type="button" disabled={i === 0} onClick={() => setRules(move(draft.rules, i, -1))}>
                    Move rule {n} up
                  </button>
                  <button type="button" disabled={i === draft.rules.length - 1} onClick={() => setRules(move(draft.rules, i, 1))}>
                    Move rule {n} down
                  </button>
                  <button type="button" onClick={() => setRules(draft.rules.filter((_, j) => j !== i))}>
                    Remove rule {n}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => setRules([...draft.rules, newRule(engine, draft.rules.length)])}>
        Add rule
      </button>
      {issues.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <p>Not published. Fix these first:</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? <ErrorNotice>Not published: {failure}</ErrorNotice> : null}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Publishing…' : `Publish version ${ruleSet.version + 1}`}
        </button>
      </div>
    </form>
  );
}
