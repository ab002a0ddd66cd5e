import { useMachine } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import { fromPromise } from 'xstate';
import { checkConfiguration, violationsByLine, type Violation } from '../../../shared/catalog/configRules';
import { newId } from '../../../shared/ids';
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import type { QuoteVersionFacts } from '../../../shared/machines/quote.machine';
import type { AccountDoc, OfferingDoc, OrderDoc, QuoteDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { insertDocument, saveDocument } from '../../data/writes';
import { actorOf } from '../session/actor';
import { canEditQuote, canQuote } from './quoteActions';
import type { QuoteDiscount } from '../../../shared/quotes/discounts';
import { needsReprice, orderFor, quoteEditorMachine } from './quoteEditor.machine';
import { price, type Priced } from './quoteLines';

export interface QuoteEditorState {
  items: ConfiguredItem[];
  discounts: QuoteDiscount[];
  priced: Priced;
  /** The catalog's configuration rules the lines break, by line id. */
  violations: ReadonlyMap<string, Violation[]>;
  editable: boolean;
  /** The local catalog changed this quote's prices: shown as a diff until the rep reprices. */
  needsReprice: boolean;
  canReprice: boolean;
  canReopen: boolean;
  /** The editor machine accepts `editor.submit` / `editor.accept` / `editor.createOrder`. */
  canSubmit: boolean;
  canAccept: boolean;
  canCreateOrder: boolean;
  /** A manager of the quote's owner deciding a pending quote. */
  canApprove: boolean;
  canSendBack: boolean;
  /** Whether this actor decides the quote (approve or send back) rather than works on it. */
  decides: boolean;
  busy: boolean;
  error: string | null;
  add(offering: OfferingDoc): void;
  /** Adds guided selling's proposed lines (each gets a new id). */
  propose(items: readonly ConfiguredItem[]): void;
  remove(lineId: string): void;
  quantity(lineId: string, quantity: number): void;
  characteristic(lineId: string, name: string, value: string): void;
  /** The site the line is delivered to ('' = none). */
  site(lineId: string, siteId: string): void;
  setDiscount(discount: QuoteDiscount): void;
  submit(): void;
  accept(): void;
  approve(comment: string): void;
  sendBack(comment: string): void;
  reopen(): void;
  reprice(): void;
  createOrder(): void;
}

const NO_LATER_VERSION: QuoteVersionFacts = {};

/**
 * The quote editor machine bound to the local store (mount with `key={quote.id}`): the lines
 * are held in the machine, so quick successive edits never race the store.
 */
export function useQuoteEditor(
  quote: QuoteDoc,
  catalog: readonly OfferingDoc[],
  account?: AccountDoc | null,
  versions: QuoteVersionFacts = NO_LATER_VERSION,
): QuoteEditorState {
  const { db, user } = useOutpost();
  const actor = useMemo(() => actorOf(user), [user]);
  const { navigate } = useNavigation();
  const [machine] = useState(() =>
    quoteEditorMachine.provide({
      actors: {
        storeQuote: fromPromise<void, { quote: QuoteDoc | null }>(async ({ input }) => {
          if (input.quote) await saveDocument(db, 'quotes', input.quote);
        }),
        createOrder: fromPromise<OrderDoc, { quote: QuoteDoc; account: AccountDoc }>(async ({ input }) => {
          const order = orderFor(input.quote, input.account);
          await insertDocument(db, 'orders', order);
          return order;
        }),
      },
      actions: {
        openOrder: (_, { orderId }) => navigate({ page: 'order', id: orderId }),
      },
    }),
  );
  const [snapshot, send] = useMachine(machine, { input: { quote, catalog, account, actor, versions } });
  useEffect(() => send({ type: 'quote.stored', quote }), [quote, send]);
  useEffect(() => send({ type: 'catalog.loaded', catalog }), [catalog, send]);
  useEffect(() => send({ type: 'account.loaded', account }), [account, send]);
  useEffect(() => send({ type: 'versions.loaded', versions }), [versions, send]);

  const { items, discounts, error } = snapshot.context;
  const priced = useMemo(() => price(items, catalog), [items, catalog]);
  const stale = needsReprice({ quote, catalog });
  const violations = useMemo(() => violationsByLine(checkConfiguration(items, catalog)), [items, catalog]);
  return {
    items,
    discounts,
    priced,
    editable: canEditQuote(quote, actor, versions) && !stale,
    needsReprice: stale,
    canReprice: snapshot.can({ type: 'editor.reprice' }),
    canReopen: snapshot.can({ type: 'editor.reopen' }),
    violations,
    canSubmit: snapshot.can({ type: 'editor.submit' }),
    canAccept: snapshot.can({ type: 'editor.accept' }),
    canCreateOrder: snapshot.can({ type: 'editor.createOrder' }),
    canApprove: snapshot.can({ type: 'editor.approve' }),
    canSendBack: snapshot.can({ type: 'editor.rework' }),
    decides: canQuote(quote, { type: 'quote.approve' }, actor) || canQuote(quote, { type: 'quote.rework' }, actor),
    busy: snapshot.matches('acting') || snapshot.matches('creatingOrder'),
    error,
    add: (offering) => send({ type: 'lines.add', offering, lineId: newId() }),
    propose: (proposed) => send({ type: 'lines.propose', items: proposed.map((item) => ({ ...item, id: newId() })) }),
    remove: (lineId) => send({ type: 'lines.remove', lineId }),
    quantity: (lineId, quantity) => send({ type: 'lines.quantity', lineId, quantity }),
    characteristic: (lineId, name, value) => send({ type: 'lines.characteristic', lineId, name, value }),
    site: (lineId, siteId) => send({ type: 'lines.site', lineId, siteId }),
    setDiscount: (discount) => send({ type: 'discounts.set', discount }),
    submit: () => send({ type: 'editor.submit' }),
    accept: () => send({ type: 'editor.accept' }),
    approve: (comment) => send({ type: 'editor.approve', comment }),
    sendBack: (comment) => send({ type: 'editor.rework', comment }),
    reopen: () => send({ type: 'editor.reopen' }),
    reprice: () => send({ type: 'editor.reprice' }),
    createOrder: () => send({ type: 'editor.createOrder' }),
  };
}
