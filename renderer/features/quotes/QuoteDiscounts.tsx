import { useState } from 'react';
import { formatCents } from '../../../shared/money';
import { applyDiscounts, discountProblem, type ChargeType, type DiscountKind, type QuoteDiscount } from '../../../shared/quotes/discounts';
import { discountDecision, type DiscountPolicy } from '../../../shared/quotes/discountPolicy';
import type { LineItem } from '../../../shared/schemas/lineItem';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';

export interface QuoteDiscountsProps {
  /** The priced lines the discounts apply to. */
  items: readonly LineItem[];
  discounts: readonly QuoteDiscount[];
  currency: string;
  names: ReadonlyMap<string, string>;
  editable: boolean;
  onSet(discount: QuoteDiscount): void;
  /** The policy that decides who approves (the synced one, or the default until one syncs: `policySource`). */
  policy: DiscountPolicy;
  policySource: 'synced' | 'default';
}

const WHOLE_QUOTE = '';
const CHARGE_TEXT: Record<ChargeType, string> = { oneTime: 'one-time', recurring: 'recurring' };

/** "Amount" is typed in the currency's units (12.50), stored in cents. */
function valueOf(text: string, kind: DiscountKind): number {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return Number.NaN;
  return kind === 'amount' ? Math.round(Number(trimmed) * 100) : Number(trimmed);
}

/** The rep's discounts on lines or the whole quote, the net totals they make and who must approve them. */
export function QuoteDiscounts({ items, discounts, currency, names, editable, onSet, policy, policySource }: QuoteDiscountsProps) {
  const [target, setTarget] = useState(WHOLE_QUOTE);
  const [appliesTo, setAppliesTo] = useState<ChargeType>('recurring');
  const [kind, setKind] = useState<DiscountKind>('percent');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const net = applyDiscounts(items, discounts);
  const decision = discountDecision({ items, discounts }, policy);
  const where = (d: QuoteDiscount) => (d.lineId === undefined ? 'the whole quote' : (names.get(d.lineId) ?? 'a line'));
  const amount = (d: QuoteDiscount) => (d.kind === 'percent' ? `${d.value} %` : formatCents(d.value, currency));

  const apply = () => {
    const value = valueOf(text, kind);
    const discount: QuoteDiscount = { appliesTo, kind, value, ...(target === WHOLE_QUOTE ? {} : { lineId: target }) };
    const problem = Number.isNaN(value) ? 'Enter the discount as a number, e.g. 20 or 12.50' : discountProblem(discount);
    setError(problem);
    if (problem !== undefined) return;
    onSet(discount);
    setText('');
  };

  return (
    <section className="section" aria-labelledby="quote-discounts-heading">
      <h2 id="quote-discounts-heading">Discounts</h2>
      {discounts.length === 0 ? (
        <p className="muted">No discounts.</p>
      ) : (
        <ul aria-label="Discounts">
          {discounts.map((d) => (
            <li key={`${d.lineId ?? 'quote'}-${d.appliesTo}`}>
              {amount(d)} off {CHARGE_TEXT[d.appliesTo]} charges of {where(d)}
              {editable ? (
                <button type="button" className="link-button" onClick={() => onSet({ ...d, value: 0 })}>
                  Remove discount on {CHARGE_TEXT[d.appliesTo]} charges of {where(d)}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable && items.length > 0 ? (
        <div className="quote-line-fields">
          <SelectField
            id="discount-target"
            label="Discount on"
            value={target}
            options={[
              { value: WHOLE_QUOTE, label: 'Whole quote' },
              ...items.map((i) => ({ value: i.id, label: names.get(i.id) ?? i.offeringName })),
            ]}
            onChange={setTarget}
          />
          <SelectField
            id="discount-charge"
            label="Discounted charges"
            value={appliesTo}
            options={[
              { value: 'recurring', label: 'Recurring' },
              { value: 'oneTime', label: 'One-time' },
            ]}
            onChange={(v) => setAppliesTo(v === 'oneTime' ? 'oneTime' : 'recurring')}
          />
          <SelectField
            id="discount-kind"
            label="Discount kind"
            value={kind}
            options={[
              { value: 'percent', label: 'Percent' },
              { value: 'amount', label: `Amount (${currency})` },
            ]}
            onChange={(v) => setKind(v === 'amount' ? 'amount' : 'percent')}
          />
          <TextField id="discount-value" label="Discount" value={text} onChange={setText} inputMode="decimal" error={error} />
          <button type="button" className="button" onClick={apply}>
            Apply discount
          </button>
        </div>
      ) : null}
      <ul className="totals" aria-label="Net totals">
        <li>One-time after discounts: {formatCents(net.net.oneTime, currency)}</li>
        <li>Monthly after discounts: {formatCents(net.net.recurring, currency)}</li>
      </ul>
      <p className="status-text">
        {decision.depth === 0
          ? 'No discount to approve.'
          : decision.approver === 'rep'
            ? `Within your authority: ${decision.text.replace(/ needs the rep$/, '')}.`
            : `Approval: ${decision.text}.`}
      </p>
      <p className="muted">
        {policySource === 'synced'
          ? 'Discount authority as the central system publishes it.'
          : 'Discount authority: the built-in default (no discount policy has synced from the central system yet).'}
      </p>
    </section>
  );
}
