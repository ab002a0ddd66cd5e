import { useCallback, useMemo, useRef, useState } from 'react';
import { newId } from '../../../shared/ids';
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import type { OfferingDoc, QuoteDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { saveDocument } from '../../data/writes';
import { actorOf } from '../session/actor';
import { acceptQuote, approveQuote, canEditQuote, canQuote, sendBackQuote, submitQuote, updateQuoteLines } from './quoteActions';
import { addLine, configuredOf, price, removeLine, setCharacteristic, setQuantity, type Priced } from './quoteLines';

export interface QuoteEditorState {
  items: ConfiguredItem[];
  priced: Priced;
  editable: boolean;
  canSubmit: boolean;
  canAccept: boolean;
  /** A manager of the quote's owner deciding a pending quote. */
  canApprove: boolean;
  canSendBack: boolean;
  /** Whether this actor decides the quote (approve or send back) rather than works on it. */
  decides: boolean;
  busy: boolean;
  error: string | null;
  add(offering: OfferingDoc): void;
  remove(lineId: string): void;
  quantity(lineId: string, quantity: number): void;
  characteristic(lineId: string, name: string, value: string): void;
  submit(): Promise<void>;
  accept(): Promise<void>;
  approve(): Promise<void>;
  sendBack(): Promise<void>;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The quote's lines while the rep edits them. The configuration is held here (mount with
 * `key={quote.id}`) so quick successive edits never race the store; every change is repriced
 * with the pricing engine and written through `quote.update`, one write after another.
 */
export function useQuoteEditor(quote: QuoteDoc, catalog: readonly OfferingDoc[]): QuoteEditorState {
  const { db, user } = useOutpost();
  const actor = useMemo(() => actorOf(user), [user]);
  const [items, setItems] = useState<ConfiguredItem[]>(() => configuredOf(quote.items));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ quote, items, catalog, actor });
  latest.current.quote = quote;
  latest.current.catalog = catalog;
  latest.current.actor = actor;
  const queue = useRef<Promise<void>>(Promise.resolve());

  const priced = useMemo(() => price(items, catalog), [items, catalog]);
  const editable = canEditQuote(quote, actor);

  /** The stored quote with the lines as they are on screen, or null when they cannot be priced. */
  const withLines = useCallback((): QuoteDoc | null => {
    const { quote: current, items: lines, catalog: offerings, actor: who } = latest.current;
    if (!canEditQuote(current, who)) return current;
    const p = price(lines, offerings);
    return p.ok ? updateQuoteLines(current, p.items, p.totals, who) : null;
  }, []);

  /** Runs writes one after another, in the order the rep made the changes. */
  const enqueue = useCallback((work: () => Promise<void>): Promise<void> => {
    const run = queue.current.then(work).catch((e: unknown) => setError(`The quote could not be saved: ${reason(e)}`));
    queue.current = run;
    return run;
  }, []);

  const change = useCallback(
    (edit: (current: ConfiguredItem[]) => ConfiguredItem[]) => {
      if (!canEditQuote(latest.current.quote, latest.current.actor)) return;
      const next = edit(latest.current.items);
      latest.current.items = next;
      setItems(next);
      setError(null);
      void enqueue(async () => {
        const doc = withLines();
        if (doc && canEditQuote(doc, latest.current.actor)) await saveDocument(db, 'quotes', doc);
      });
    },
    [db, enqueue, withLines],
  );

  const act = useCallback(
    async (apply: (doc: QuoteDoc) => QuoteDoc) => {
      setBusy(true);
      await enqueue(async () => {
        const doc = withLines();
        if (!doc) throw new Error('a line cannot be priced; change or remove it first');
        await saveDocument(db, 'quotes', apply(doc));
      });
      setBusy(false);
    },
    [db, enqueue, withLines],
  );

  const current: QuoteDoc = priced.ok && editable ? { ...quote, items: priced.items, totals: priced.totals } : quote;
  return {
    items,
    priced,
    editable,
    canSubmit: !busy && priced.ok && canQuote(current, { type: 'quote.submit' }, actor),
    canAccept: !busy && canQuote(quote, { type: 'quote.accept' }, actor),
    canApprove: !busy && canQuote(quote, { type: 'quote.approve' }, actor),
    canSendBack: !busy && canQuote(quote, { type: 'quote.rework' }, actor),
    decides: canQuote(quote, { type: 'quote.approve' }, actor) || canQuote(quote, { type: 'quote.rework' }, actor),
    busy,
    error,
    add: (offering) => change((c) => addLine(c, offering, newId())),
    remove: (lineId) => change((c) => removeLine(c, lineId)),
    quantity: (lineId, quantity) => change((c) => setQuantity(c, lineId, quantity)),
    characteristic: (lineId, name, value) => change((c) => setCharacteristic(c, lineId, name, value)),
    submit: () => act((doc) => submitQuote(doc, actor)),
    accept: () => act((doc) => acceptQuote(doc, new Date().toISOString(), actor)),
    approve: () => act((doc) => approveQuote(doc, actor)),
    sendBack: () => act((doc) => sendBackQuote(doc, actor)),
  };
}
