import { useState, type ReactNode } from 'react';
import type { Violation } from '../../../shared/catalog/configRules';
import { formatCents } from '../../../shared/money';
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import type { OfferingDoc } from '../../../shared/schemas';
import type { LineItem } from '../../../shared/schemas/lineItem';
import type { QuoteSite } from '../../../shared/serviceability/siteQualification';
import { SelectField } from '../common/SelectField';
import { characteristicLabel, parseQuantity } from './quoteLines';

export interface QuoteLineProps {
  item: ConfiguredItem;
  /** How the line is named in its labels, e.g. "Business Fibre Internet". */
  name: string;
  offering: OfferingDoc | undefined;
  priced: LineItem | undefined;
  currency: string;
  /** The pricing engine's complaint about this line, if any. */
  problem: string | undefined;
  /** The catalog's configuration rules this line breaks, each in words. */
  violations?: readonly Violation[] | undefined;
  /** What else belongs to the line, e.g. a bundle's components. */
  children?: ReactNode;
  onQuantity(quantity: number): void;
  onCharacteristic(name: string, value: string): void;
  onRemove(): void;
  /** The sites the line can be delivered to; none: no site choice. */
  sites?: readonly QuoteSite[];
  onSite?(siteId: string): void;
  /** The line's access offering does not reach its site (the kept serviceability answer), in words. */
  undeliverable?: string | undefined;
}

/** One line of the quote editor: quantity, a select per characteristic, its prices and "Remove". */
export function QuoteLine({
  item,
  name,
  offering,
  priced,
  currency,
  problem,
  violations,
  children,
  onQuantity,
  onCharacteristic,
  onRemove,
  sites = [],
  onSite,
  undeliverable,
}: QuoteLineProps) {
  const [quantityText, setQuantityText] = useState(String(item.quantity));
  const quantityInvalid = parseQuantity(quantityText) === null;
  const base = `line-${item.id}`;
  const problemId = `${base}-problem`;

  return (
    <li className="quote-line" aria-label={name}>
      <div className="quote-line-header">
        <h3>{name}</h3>
        <button type="button" className="button button--danger" onClick={onRemove}>
          Remove {name}
        </button>
      </div>
      {problem ? (
        <p className="notice notice--error" id={problemId}>
          {problem}
        </p>
      ) : null}
      {violations && violations.length > 0 ? (
        <ul className="notice notice--warning rule-problems" aria-label={`Rules broken by ${name}`}>
          {violations.map((violation) => (
            <li key={violation.rule}>{violation.text}</li>
          ))}
        </ul>
      ) : null}
      {undeliverable ? <p className="notice notice--warning">{undeliverable}</p> : null}
      <div className="quote-line-fields">
        {sites.length > 0 && onSite ? (
          <SelectField
            id={`${base}-site`}
            label={`Site for ${name}`}
            value={item.siteId ?? ''}
            options={[{ value: '', label: 'No site chosen' }, ...sites.map((s) => ({ value: s.id, label: s.label }))]}
            onChange={onSite}
          />
        ) : null}
        <div className={quantityInvalid ? 'field field--invalid' : 'field'}>
          <label className="field-label" htmlFor={`${base}-quantity`}>
            Quantity for {name}
          </label>
          <input
            id={`${base}-quantity`}
            className="field-input"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={quantityText}
            aria-invalid={quantityInvalid ? true : undefined}
            aria-describedby={quantityInvalid ? `${base}-quantity-error` : undefined}
            onChange={(e) => {
              setQuantityText(e.target.value);
              const quantity = parseQuantity(e.target.value);
              if (quantity !== null) onQuantity(quantity);
            }}
          />
          {quantityInvalid ? (
            <span className="field-error" id={`${base}-quantity-error`}>
              Enter a whole number of 1 or more
            </span>
          ) : null}
        </div>
        {offering?.characteristics.map((spec) => (
          <SelectField
            key={spec.name}
            id={`${base}-char-${spec.name.replace(/[^A-Za-z0-9]+/g, '-')}`}
            label={`${characteristicLabel(spec.name)} for ${name}`}
            value={item.characteristics.find((c) => c.name === spec.name)?.value ?? spec.default}
            options={spec.values.map((v) => ({ value: v, label: v }))}
            onChange={(v) => onCharacteristic(spec.name, v)}
          />
        ))}
      </div>
      {priced ? (
        <p className="line-prices">
          <span>One-time: {formatCents(priced.oneTime, currency)}</span>
          <span>Monthly: {formatCents(priced.recurring, currency)}</span>
        </p>
      ) : (
        <p className="line-prices muted">Not priced</p>
      )}
      {children}
    </li>
  );
}
