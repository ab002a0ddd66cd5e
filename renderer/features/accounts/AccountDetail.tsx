import { useMemo } from 'react';
import { ancestorsOf, childrenOf } from '../../../shared/accounts/hierarchy';
import type { AccountDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import { useCollectionRows, useDocument, useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';
import { SyncNotices } from '../common/SyncNotices';
import { InstalledProducts } from '../opportunities/InstalledProducts';
import { AccountRecords } from './AccountRecords';
import { AgreementsInForce } from '../quotes/AgreementsInForce';
import { creditLimitText, serviceAddress, siteName } from './accountDisplay';
import { StartWork } from './StartWork';

function AccountLink({ account }: { account: AccountDoc }) {
  const { navigate } = useNavigation();
  return (
    <button type="button" className="link-button" onClick={() => navigate({ page: 'account', id: account.id })}>
      {account.name}
    </button>
  );
}

/**
 * One customer account: where it sits in the hierarchy, its sites (service addresses), contacts,
 * billing accounts, credit limit, installed products, open opportunities, quotes and orders; an
 * opportunity or a quote is started from here.
 */
export function AccountDetail({ id }: { id: string }) {
  const account = useDocument('accounts', id);
  const all = useCollectionRows('accounts').rows;
  const contacts = useDocuments('contacts', { selector: { accountId: id } });
  const parents = useMemo(() => ancestorsOf(all, id), [all, id]);
  const children = useMemo(() => childrenOf(all, id), [all, id]);

  if (account === undefined) return <Loading />;
  if (account === null) return <NotFound what="Account" />;
  const sites = account.sites ?? [];
  const billing = account.billingAccounts ?? [];

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{account.name}</h1>
      </div>
      <SyncNotices doc={account} collection="accounts" />
      <StartWork account={account} />
      <ul className="facts" aria-label="Account details">
        <li>
          <span className="fact-name">Country:</span> {account.country}
        </li>
        <li>
          <span className="fact-name">Industry:</span> {account.industry || '—'}
        </li>
        <li>
          <span className="fact-name">Credit limit:</span> {creditLimitText(account)}
        </li>
        <li>
          <span className="fact-name">Parent account:</span>{' '}
          {parents.length === 0
            ? 'none (top-level account)'
            : [...parents].reverse().map((p, i) => (
                <span key={p.id}>
                  {i > 0 ? ' › ' : ''}
                  <AccountLink account={p} />
                </span>
              ))}
        </li>
      </ul>
      <section className="section" aria-labelledby="account-children">
        <h2 id="account-children">Child accounts</h2>
        {children.length === 0 ? (
          <p className="empty">No child accounts.</p>
        ) : (
          <ul aria-label="Child accounts">
            {children.map((child) => (
              <li key={child.id}>
                <AccountLink account={child} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="account-sites">
        <h2 id="account-sites">Sites</h2>
        {sites.length === 0 ? (
          <p className="empty">No sites yet.</p>
        ) : (
          <table className="data-table" aria-label="Sites of this account">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Service address</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id}>
                  <th scope="row">{siteName(site)}</th>
                  <td>{serviceAddress(site)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="section" aria-labelledby="account-contacts">
        <h2 id="account-contacts">Contacts</h2>
        {contacts === undefined ? (
          <Loading />
        ) : contacts.length === 0 ? (
          <p className="empty">No contacts yet.</p>
        ) : (
          <table className="data-table" aria-label="Contacts of this account">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name}
                    {c.id === account.primaryContactId ? ' (primary)' : ''}
                  </th>
                  <td>{c.email || '—'}</td>
                  <td>{c.phone || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="section" aria-labelledby="account-billing">
        <h2 id="account-billing">Billing accounts</h2>
        {billing.length === 0 ? (
          <p className="empty">No billing account yet.</p>
        ) : (
          <ul aria-label="Billing accounts">
            {billing.map((b) => (
              <li key={b.id}>
                {b.name} <span className="muted">({b.id})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <InstalledProducts accountId={account.id} />
      <AgreementsInForce accountId={account.id} />
      <AccountRecords account={account} />
    </div>
  );
}
