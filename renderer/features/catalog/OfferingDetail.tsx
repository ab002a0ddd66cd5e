import { bundleContents, bundlesContaining, describeWhen } from '../../../shared/catalog/catalogView';
import { formatCents } from '../../../shared/money';
import type { OfferingDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import { useCollectionRows, useDocument } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';

function OfferingLink({ offering }: { offering: OfferingDoc }) {
  const { navigate } = useNavigation();
  return (
    <button type="button" className="link-button" onClick={() => navigate({ page: 'offering', id: offering.id })}>
      {offering.name}
    </button>
  );
}

/** One offering of the local catalog: description, prices, term discounts, bundle contents, options. */
export function OfferingDetail({ id }: { id: string }) {
  const offering = useDocument('offerings', id);
  const catalog = useCollectionRows('offerings').rows;
  if (offering === undefined) return <Loading />;
  if (offering === null) return <NotFound what="Offering" />;
  const contents = bundleContents(offering, catalog);
  const partOf = bundlesContaining(offering.id, catalog);
  const discounts = offering.discounts ?? [];
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{offering.name}</h1>
      </div>
      <ul className="facts" aria-label="Offering details">
        <li>
          <span className="fact-name">Category:</span> {offering.category}
        </li>
        <li className="status-text">Status: {offering.lifecycleStatus}</li>
        <li>
          <span className="fact-name">Catalog version:</span> {offering.catalogVersion}
        </li>
      </ul>
      {offering.description ? <p>{offering.description}</p> : null}
      <section className="section" aria-labelledby="offering-prices">
        <h2 id="offering-prices">Prices</h2>
        <table className="data-table" aria-label="Prices">
          <thead>
            <tr>
              <th scope="col">Price</th>
              <th scope="col">Charge</th>
              <th scope="col">Applies</th>
              <th scope="col" className="num">
                Amount per unit
              </th>
            </tr>
          </thead>
          <tbody>
            {offering.prices.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.priceType === 'oneTime' ? 'One-time' : `Recurring (${p.recurringChargePeriod ?? 'month'})`}</td>
                <td>{describeWhen(p.when)}</td>
                <td className="num">{formatCents(p.amount, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="section" aria-labelledby="offering-discounts">
        <h2 id="offering-discounts">Term discounts</h2>
        {discounts.length === 0 ? (
          <p className="empty">No discounts.</p>
        ) : (
          <ul aria-label="Term discounts">
            {discounts.map((d) => (
              <li key={`${d.name}-${d.appliesTo}`}>
                {d.name}: {d.percent}% off the {d.appliesTo === 'oneTime' ? 'one-time' : 'monthly'} charge {describeWhen(d.when)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="offering-options">
        <h2 id="offering-options">Options</h2>
        {offering.characteristics.length === 0 ? (
          <p className="empty">No options to choose.</p>
        ) : (
          <ul aria-label="Options">
            {offering.characteristics.map((c) => (
              <li key={c.name}>
                {c.name}: {c.values.join(', ')} (default {c.default})
              </li>
            ))}
          </ul>
        )}
      </section>
      {offering.isBundle ? (
        <section className="section" aria-labelledby="offering-bundle">
          <h2 id="offering-bundle">Bundle contents</h2>
          <ul aria-label="Bundle contents">
            {contents.map((c) => (
              <li key={c.id}>{c.offering ? <OfferingLink offering={c.offering} /> : `${c.id} (not in the local catalog)`}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {partOf.length > 0 ? (
        <section className="section" aria-labelledby="offering-part-of">
          <h2 id="offering-part-of">Part of</h2>
          <ul aria-label="Bundles with this offering">
            {partOf.map((b) => (
              <li key={b.id}>
                <OfferingLink offering={b} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
