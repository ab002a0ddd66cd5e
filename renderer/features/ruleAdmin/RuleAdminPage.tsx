import { useCallback, useEffect, useState } from 'react';
import type { DriftedLead, EngineOutcomes, PublishedRuleSet } from '../../../shared/leads/ruleAdmin';
import { useOutpost } from '../../app/OutpostContext';
import { SelectField } from '../common/SelectField';
import { failureText, listDriftedLeads, listRuleSets, ruleSetHistory } from './ruleAdminApi';
import { RuleSetEditor } from './RuleSetEditor';

function outcomeText(o: EngineOutcomes | null): string {
  if (!o) return '-';
  return [o.qualified ? 'qualified' : 'not qualified', o.rating ? `rating ${o.rating}` : null, o.channel ? `channel ${o.channel}` : null]
    .filter((part): part is string => part !== null)
    .join(', ');
}

function DriftTable({ drifted }: { drifted: DriftedLead[] }) {
  if (drifted.length === 0) return <p role="status">No lead drifted: every pushed lead has the outcome the central system computes.</p>;
  return (
    <table>
      <caption>Leads whose laptop outcome differs from the central one with the same rule-set versions</caption>
      <thead>
        <tr>
          <th scope="col">Lead</th>
          <th scope="col">Rep</th>
          <th scope="col">Differs in</th>
          <th scope="col">On the laptop</th>
          <th scope="col">Central system</th>
          <th scope="col">Rule-set versions</th>
          <th scope="col">Found</th>
        </tr>
      </thead>
      <tbody>
        {drifted.map((d) => (
          <tr key={d.leadId}>
            <th scope="row">{d.company ?? d.leadId}</th>
            <td>{d.ownerName ?? d.owner ?? '-'}</td>
            <td>{d.problem ?? d.engines.join(', ')}</td>
            <td>{outcomeText(d.laptop)}</td>
            <td>{outcomeText(d.central)}</td>
            <td>{d.versions.map((v) => `${v.id} v${v.version}`).join(', ')}</td>
            <td>{new Date(d.detectedAt).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every published version of the set, newest first; versions never change, so this is the set's history. */
function VersionHistory({ id, latest }: { id: string; latest: number }) {
  const { central } = useOutpost();
  const [versions, setVersions] = useState<PublishedRuleSet[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    ruleSetHistory(central, id).then(
      (history) => current && setVersions(history),
      (error: unknown) => current && setFailure(failureText(error)),
    );
    return () => {
      current = false;
    };
  }, [central, id, latest]);
  if (failure) return <p className="notice notice--error">The versions could not be loaded: {failure}</p>;
  if (!versions) return <p role="status">Loading the versions…</p>;
  return (
    <ol aria-label="Published versions" reversed>
      {versions.map((v) => (
        <li key={v.version}>
          Version {v.version}, {new Date(v.updatedAt).toLocaleString()}
          {v.publishedBy ? ` by ${v.publishedBy}` : ' (seeded)'}: {v.rules.length} {v.rules.length === 1 ? 'rule' : 'rules'}
        </li>
      ))}
    </ol>
  );
}

/**
 * Rule administration (administrators only): edit a lead rule set and publish its next version,
 * which reaches every laptop by sync, and see the leads that drifted. Rule sets live on the
 * central system, so this screen needs a connection; it says so instead of pretending offline.
 */
export function RuleAdminPage() {
  const { user, central } = useOutpost();
  const [ruleSets, setRuleSets] = useState<PublishedRuleSet[] | null>(null);
  const [drifted, setDrifted] = useState<DriftedLead[] | null>(null);
  const [selected, setSelected] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const isAdmin = user.role === 'admin';

  const load = useCallback(async () => {
    setFailure(null);
    try {
      const [sets, drift] = await Promise.all([listRuleSets(central), listDriftedLeads(central)]);
      setRuleSets(sets);
      setDrifted(drift);
      setSelected((current) => (current !== '' ? current : (sets[0]?.id ?? '')));
    } catch (error) {
      setFailure(failureText(error));
    }
  }, [central]);

  useEffect(() => {
    if (isAdmin) void load();
  }, [isAdmin, load]);

  if (!isAdmin) {
    return (
      <section aria-labelledby="rule-admin-title">
        <h1 id="rule-admin-title" tabIndex={-1}>
          Rule administration
        </h1>
        <p className="notice notice--warning">Only administrators edit the lead rule sets; you receive them by sync.</p>
      </section>
    );
  }

  const ruleSet = ruleSets?.find((s) => s.id === selected);
  return (
    <section aria-labelledby="rule-admin-title">
      <h1 id="rule-admin-title" tabIndex={-1}>
        Rule administration
      </h1>
      <p className="notice">
        Rule sets are edited on the central system: this screen needs a connection and does not work offline. Each publish adds a new
        version; laptops receive it at their next sync and record the versions each lead was processed with.
      </p>
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>The rule sets could not be loaded: {failure}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : null}
      {published ? (
        <p className="notice" role="status">
          {published}
        </p>
      ) : null}
      {ruleSets === null && !failure ? <p role="status">Loading the rule sets…</p> : null}
      {ruleSets !== null ? (
        <SelectField
          id="rule-set-choice"
          label="Rule set to edit"
          value={selected}
          options={ruleSets.map((s) => ({ value: s.id, label: `${s.name} (${s.engine}, version ${s.version})` }))}
          onChange={(id) => {
            setPublished(null);
            setSelected(id);
          }}
        />
      ) : null}
      {ruleSet ? (
        <RuleSetEditor
          key={`${ruleSet.id}@${ruleSet.version}`}
          ruleSet={ruleSet}
          onPublished={(next) => {
            setRuleSets((sets) => sets?.map((s) => (s.id === next.id ? next : s)) ?? null);
            setPublished(`Published ${next.name} version ${next.version}. Laptops receive it at their next sync.`);
          }}
        />
      ) : null}
      {ruleSet ? (
        <>
          <h2>Versions of {ruleSet.name}</h2>
          <VersionHistory id={ruleSet.id} latest={ruleSet.version} />
        </>
      ) : null}
      <h2>Drifted leads</h2>
      <button type="button" onClick={() => void load()}>
        Refresh drifted leads
      </button>
      {drifted !== null ? <DriftTable drifted={drifted} /> : null}
    </section>
  );
}
