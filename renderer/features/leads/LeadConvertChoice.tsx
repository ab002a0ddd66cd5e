import { useState } from 'react';
import type { AccountOffer } from '../../../shared/leads/conversionOffers';
import type { AccountDoc, ContactDoc } from '../../../shared/schemas';

export interface LeadConvertChoiceProps {
  offers: readonly AccountOffer[];
  busy: boolean;
  /** No account: a new account and contact from the lead. */
  onConvert(into: { account: AccountDoc; contact?: ContactDoc } | undefined): void;
  onCancel(): void;
}

const NEW = '';

/**
 * Conversion when the lead matches existing accounts: each with why it matches, and the
 * account's contacts that are the lead's person; the rep picks one, or a new account.
 */
export function LeadConvertChoice({ offers, busy, onConvert, onCancel }: LeadConvertChoiceProps) {
  const [accountId, setAccountId] = useState(offers[0]?.account.id ?? NEW);
  const offer = offers.find((o) => o.account.id === accountId);
  const [contactId, setContactId] = useState(offer?.contacts[0]?.contact.id ?? NEW);
  const chosenContact = offer?.contacts.find((c) => c.contact.id === contactId)?.contact;

  function pickAccount(id: string) {
    setAccountId(id);
    setContactId(offers.find((o) => o.account.id === id)?.contacts[0]?.contact.id ?? NEW);
  }

  return (
    <section className="section" aria-labelledby="lead-convert-heading">
      <h2 id="lead-convert-heading">Convert into an existing account?</h2>
      <fieldset>
        <legend>Account</legend>
        {offers.map(({ account, why }) => (
          <label key={account.id} className="choice">
            <input type="radio" name="convert-account" checked={accountId === account.id} onChange={() => pickAccount(account.id)} />{' '}
            {account.name} <span className="muted">({why})</span>
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="convert-account" checked={accountId === NEW} onChange={() => pickAccount(NEW)} /> New account
        </label>
      </fieldset>
      {offer ? (
        <fieldset>
          <legend>Contact</legend>
          {offer.contacts.map(({ contact, why }) => (
            <label key={contact.id} className="choice">
              <input type="radio" name="convert-contact" checked={contactId === contact.id} onChange={() => setContactId(contact.id)} />{' '}
              {contact.name} <span className="muted">({why})</span>
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="convert-contact" checked={contactId === NEW} onChange={() => setContactId(NEW)} /> New contact from
            the lead
          </label>
        </fieldset>
      ) : null}
      <div className="screen-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => onConvert(offer ? { account: offer.account, ...(chosenContact ? { contact: chosenContact } : {}) } : undefined)}
        >
          Convert
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
