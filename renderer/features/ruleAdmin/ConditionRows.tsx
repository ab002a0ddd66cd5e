import type { RuleEngine } from '../../../shared/schemas/ruleSet.schema';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';
import { fieldOptions, newCondition, opOptions, withField, type ConditionDraft } from './ruleDraft';

const FLAG_OPTIONS = [
  { value: 'yes', label: 'yes' },
  { value: 'no', label: 'no' },
];

function valueHint(op: string): string {
  if (op === 'in' || op === 'notIn') return 'Separate several values with commas';
  if (op === 'is') return '';
  return 'A number, e.g. 50000';
}

/**
 * The conditions of a guard list or a rule, one row each: field, operator and value, every
 * input labelled with the list it belongs to ("Rule 2, condition 1: field").
 */
export function ConditionRows(props: {
  idPrefix: string;
  /** "Guard" or "Rule 2, condition". */
  label: string;
  engine: RuleEngine;
  conditions: ConditionDraft[];
  onChange(next: ConditionDraft[]): void;
}) {
  const { idPrefix, label, engine, conditions, onChange } = props;
  const set = (index: number, c: ConditionDraft) => onChange(conditions.map((old, i) => (i === index ? c : old)));
  return (
    <>
      {conditions.length === 0 ? <p>No conditions: every lead matches.</p> : null}
      <ol className="rule-conditions">
        {conditions.map((c, i) => {
          const name = `${label} ${i + 1}`;
          const id = `${idPrefix}-c${i}`;
          return (
            <li key={i} className="form-grid">
              <SelectField
                id={`${id}-field`}
                label={`${name}: field`}
                value={c.field}
                options={fieldOptions(engine)}
                onChange={(field) => set(i, withField(engine, c, field))}
              />
              <SelectField
                id={`${id}-op`}
                label={`${name}: comparison`}
                value={c.op}
                options={opOptions(engine, c.field)}
                onChange={(op) => set(i, { ...c, op })}
              />
              {c.op === 'is' ? (
                <SelectField
                  id={`${id}-value`}
                  label={`${name}: value`}
                  value={c.value}
                  options={FLAG_OPTIONS}
                  placeholder="Choose"
                  onChange={(value) => set(i, { ...c, value })}
                />
              ) : (
                <TextField
                  id={`${id}-value`}
                  label={`${name}: value`}
                  value={c.value}
                  hint={valueHint(c.op)}
                  onChange={(value) => set(i, { ...c, value })}
                />
              )}
              <button type="button" onClick={() => onChange(conditions.filter((_, j) => j !== i))}>
                Remove {name.toLowerCase()}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...conditions, newCondition(engine)])}>
        Add {label.toLowerCase()}
      </button>
    </>
  );
}
