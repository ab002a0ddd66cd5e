/**
 * The central system's check of a quote's configuration against the catalog's rules (the same
 * rule engine the laptop's configurator runs, shared/catalog/configRules.ts, over the offerings
 * stored here): a quote may break rules while the rep works on it (in progress), but a quote
 * pushed submitted, approved or accepted with a broken rule is refused, naming the rule and line.
 */
import { configurationRefusal } from '../../../../shared/catalog/configRules';
import type { OfferingDoc, QuoteDoc } from '../../../../shared/schemas';
import { jsonEqual } from '../../platform/json';
import { loadDocs, type StoredDoc } from '../../platform/sync/docs';
import type { RowContext, WritePlan } from '../../platform/sync/rules';

/** Statuses in which the lines are put to a manager or the customer: they must keep the rules. */
const CHECKED: ReadonlySet<string> = new Set(['pending', 'approved', 'accepted']);

export async function prepareQuoteConfiguration(ctx: RowContext, plan: WritePlan, master: StoredDoc | undefined): Promise<WritePlan> {
  if (plan.deleted || plan.refusal !== undefined) return plan;
  const quote = plan.data as unknown as QuoteDoc;
  if (!CHECKED.has(quote.status) || !Array.isArray(quote.items)) return plan;
  // Judged once, when the quote is put forward or its lines change, not on every later push of it.
  const unchanged = master && !master.deleted && master.data.status === quote.status && jsonEqual(master.data.items, plan.data.items);
  if (unchanged) return plan;
  const stored = await loadDocs(ctx.tx, 'offerings', [...new Set(quote.items.map((item) => item.offeringId))]);
  const catalog = [...stored.values()].filter((doc) => !doc.deleted).map((doc) => doc.data as unknown as OfferingDoc);
  const refusal = configurationRefusal(`Quote v${quote.version}`, quote.items, catalog);
  return refusal ? { ...plan, refusal: `${refusal}. Revise the quote, fix the lines and submit the new version` } : plan;
}
