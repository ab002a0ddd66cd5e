import { useState } from 'react';
import { canChangeProduct, deltaOrderFromProduct, type DeltaChange } from '../../../shared/orders/deltaOrder';
import type { ProductDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { useNavigation } from '../../app/navigation';
import { useDocument } from '../../data/hooks';
import { insertDocument } from '../../data/writes';
import { SelectField } from '../common/SelectField';
import { ErrorNotice } from '../common/ErrorNotice';

/**
 * A delta order from an installed product (seed 003): Change (new characteristic values, e.g.
 * more bandwidth), Move (to the address the rep enters on the order) or Disconnect. Each makes a
 * draft order with the product's reference and opens it; the rep completes and submits it there.
 */
export function ProductChange({ product }: { product: ProductDoc }) {
  const { db, user } = useOutpost();
  const { navigate } = useNavigation();
  const account = useDocument('accounts', product.accountId);
  const offering = useDocument('offerings', product.offeringId);
  const [changing, setChanging] = useState(false);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(product.characteristics.map((c) => [c.name, c.value])),
  );
  const [error, setError] = useState<string | null>(null);
  if (!canChangeProduct(product) || product.owner !== user.id) return null;

  async function start(change: DeltaChange) {
    setError(null);
    try {
      if (!account) throw new Error('the account is not on this laptop');
      const order = deltaOrderFromProduct({
        product,
        account,
        offering: offering ?? undefined,
        change,
        characteristics: values,
        owner: user.id,
        now: new Date().toISOString(),
      });
      await insertDocument(db, 'orders', order);
      navigate({ page: 'order', id: order.id });
    } catch (e) {
      setError(`Could not start the order: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <div>
      <div className="screen-actions">
        <button type="button" className="button" aria-expanded={changing} onClick={() => setChanging(!changing)}>
          Change {product.name}
        </button>
        <button type="button" className="button" onClick={() => void start('move')}>
          Move {product.name}
        </button>
        <button type="button" className="button" onClick={() => void start('disconnect')}>
          Disconnect {product.name}
        </button>
      </div>
      {changing ? (
        <fieldset className="form-group">
          <legend>New configuration of {product.name}</legend>
          {(offering?.characteristics ?? []).map((c) => (
            <SelectField
              key={c.name}
              id={`change-${product.id}-${c.name}`}
              label={`${c.name} for ${product.name}`}
              value={values[c.name] ?? c.default ?? ''}
              options={c.values.map((value) => ({ value, label: value }))}
              onChange={(value) => setValues({ ...values, [c.name]: value })}
            />
          ))}
          <button type="button" className="button button--primary" onClick={() => void start('change')}>
            Start change order
          </button>
        </fieldset>
      ) : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
