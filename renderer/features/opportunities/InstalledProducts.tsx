import { formatCents } from '../../../shared/money';
import { useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { statusLabel } from '../statusLabels';
import { ProductChange } from './ProductChange';

/**
 * The account's installed products (TMF637 assets), as the central system reports them once an
 * order is fulfilled. The app never writes them: a change, move or disconnect is a delta order (ProductChange).
 */
export function InstalledProducts({ accountId }: { accountId: string }) {
  const products = useDocuments('products', { selector: { accountId } });
  return (
    <section className="section" aria-labelledby="account-installed-products">
      <h2 id="account-installed-products">Installed products</h2>
      {products === undefined ? (
        <Loading />
      ) : products.length === 0 ? (
        <p className="empty">No installed products yet.</p>
      ) : (
        <table className="data-table" aria-label="Installed products of this account">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Details</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
              <th scope="col" className="num">
                Monthly
              </th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {[...products]
              .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name))
              .map((product) => (
                <tr key={product.id}>
                  <th scope="row">
                    {product.name}
                    {product.quantity > 1 ? ` × ${product.quantity}` : ''}
                  </th>
                  <td>{product.characteristics.map((c) => `${c.name}: ${c.value}`).join(', ') || '—'}</td>
                  <td>{statusLabel(product.status)}</td>
                  <td>{product.startDate.slice(0, 10)}</td>
                  <td className="num">
                    {product.recurring !== undefined && product.currency ? formatCents(product.recurring, product.currency) : '—'}
                  </td>
                  <td>
                    <ProductChange product={product} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
