import { useMemo, useState } from 'react';
import type { QuoteVersionFacts } from '../../../../shared/machines/quote.machine';
import { documentTime, quoteDocument } from '../../../../shared/quotes/quoteDocument';
import { signQuote, signRefusal, type SignatureInput } from '../../../../shared/quotes/quoteSignature';
import type { AccountDoc, OfferingDoc, QuoteDoc } from '../../../../shared/schemas';
import { useOutpost } from '../../../app/OutpostContext';
import { saveDocument } from '../../../data/writes';
import { platform } from '../../../platform';
import { actorOf } from '../../session/actor';
import { quotePdf } from './quotePdf';
import { SignaturePad } from './SignaturePad';
import { ErrorNotice } from '../../common/ErrorNotice';

export interface QuoteDocumentSectionProps {
  quote: QuoteDoc;
  account: AccountDoc | null | undefined;
  catalog: readonly OfferingDoc[];
  versions: QuoteVersionFacts;
}

/**
 * The customer's copy of this version: saved as a PDF made here, offline (the desktop's save
 * dialog, or a download in the browser build), and the customer's signature on it. The copy is
 * made from the stored version whenever asked, so the copy of a signed version is kept with it.
 */
export function QuoteDocumentSection({ quote, account, catalog, versions }: QuoteDocumentSectionProps) {
  const { db, user } = useOutpost();
  const actor = useMemo(() => actorOf(user), [user]);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signature = quote.signature;
  const refusal = signRefusal(quote, actor, versions);

  const savePdf = async () => {
    setSaved(null);
    setError(null);
    try {
      const model = quoteDocument({ quote, account, offerings: catalog });
      // Dated by the version, not the clock: the same version always gives the same file.
      const bytes = quotePdf(model, signature?.signedAt ?? quote.updatedAt);
      const answer = await platform.documents.savePdf(model.fileName, bytes);
      if (answer.saved) setSaved(`Saved ${answer.name}`);
      else if (answer.cancelled) setSaved(answer.reason);
      else setError(answer.reason);
    } catch (failure) {
      setError(`The PDF could not be made: ${(failure as Error).message}`);
    }
  };

  const sign = async (input: SignatureInput) => {
    await saveDocument(db, 'quotes', signQuote(quote, input, new Date().toISOString(), actor, versions));
  };

  return (
    <section className="section" aria-labelledby="quote-document-heading">
      <h2 id="quote-document-heading">Customer document</h2>
      <div className="screen-actions">
        <button type="button" className="button" onClick={() => void savePdf()} disabled={quote.items.length === 0}>
          Save PDF
        </button>
      </div>
      <p role="status" aria-label="Document status" className="muted">
        {saved ?? ''}
      </p>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {signature ? (
        <p className="status-text">
          Signed by {signature.signerName} on {documentTime(signature.signedAt)} ({signature.method === 'drawn' ? 'drawn' : 'typed'}); this
          version can no longer change.
        </p>
      ) : refusal === null ? (
        <SignaturePad onSign={sign} />
      ) : (
        <p className="muted">Not signed. {refusal}.</p>
      )}
    </section>
  );
}
