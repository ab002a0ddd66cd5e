import { useMemo } from 'react';
import { agreementsInForce, agreementsOf } from '../../../shared/quotes/salesAgreement';
import { useDocuments } from '../../data/hooks';

/**
 * The account's sales agreements in force (issue 9 item 10): made from its accepted, signed
 * quote versions, so a later quote of the account says what the customer already signed for.
 * `quoteId`: the quote on screen, whose own agreement is named as such.
 */
export function AgreementsInForce({ accountId, quoteId }: { accountId: string; quoteId?: string }) {
  const accepted = useDocuments('quotes', { selector: { accountId, status: 'accepted' } });
  const inForce = useMemo(
    () => (accepted ? agreementsInForce(agreementsOf(accepted), accountId, new Date().toISOString()) : undefined),
    [accepted, accountId],
  );
  if (inForce === undefined || inForce.length === 0) return null;
  return (
    <section className="section" aria-labelledby="agreements-in-force-heading">
      <h2 id="agreements-in-force-heading">Agreements in force</h2>
      <ul aria-label="Agreements in force for this account">
        {inForce.map((agreement) => (
          <li key={agreement.id}>
            <strong>{agreement.name}</strong>
            {agreement.quoteId === quoteId ? ' (this quote version)' : ''}
            <br />
            Agreement {agreement.id}, valid {agreement.agreementPeriod.startDateTime.slice(0, 10)} to{' '}
            {agreement.agreementPeriod.endDateTime.slice(0, 10)}, signed by {agreement.agreementAuthorization[0]?.signatureRepresentation}
            <ul aria-label={`Lines covered by ${agreement.name}`}>
              {agreement.agreementItem.map((item) => (
                <li key={item.id}>
                  {item.productOffering.map((offering) => offering.name).join(', ')} × {item.quantity}:{' '}
                  {item.termOrCondition.map((term) => term.description).join('; ')}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
