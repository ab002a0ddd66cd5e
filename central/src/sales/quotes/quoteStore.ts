/** Quotes are read from the `quotes` synced documents, with the customer's and the rep's names. */
import type { QuoteDoc } from '../../../../shared/schemas';
import type { AuthUser } from '../../platform/auth/users';
import type { Queryable } from '../../platform/db/db';
import { ownerVisibleSql } from '../../platform/auth/scope';
import { toQuote } from './quoteProjection';
import type { Quote } from './quoteTypes';

interface QuoteRow extends Record<string, unknown> {
  owner: string;
  data: QuoteDoc;
  display_name: string | null;
  account_name: string | null;
}

// The account is the rep's own document; its name is read whatever its owner, as the quote names it.
const SELECT_QUOTES = `
  SELECT q.owner, q.data, u.display_name, a.data ->> 'name' AS account_name
    FROM sync_docs q
    LEFT JOIN users u ON u.id = q.owner
    LEFT JOIN sync_docs a ON a.collection = 'accounts' AND a.id = q.data ->> 'accountId'
   WHERE q.collection = 'quotes'`;
const LIVE = 'AND NOT q.deleted';

function fromRow(row: QuoteRow): Quote {
  return toQuote(row.data, {
    accountName: row.account_name ?? undefined,
    rep: { id: row.owner, displayName: row.display_name ?? row.owner },
  });
}

/**
 * The Quote of one stored quote document (any owner, deleted too), e.g. for an event; with
 * `asOf`, of that earlier state of the document (same owner: a push never changes it).
 */
export async function quoteOf(tx: Queryable, id: string, asOf?: QuoteDoc): Promise<Quote | undefined> {
  if (asOf) {
    const rows = await tx.query<QuoteRow>(
      `SELECT q.owner, q.data, u.display_name,
              (SELECT a.data ->> 'name' FROM sync_docs a WHERE a.collection = 'accounts' AND a.id = $2) AS account_name
         FROM sync_docs q LEFT JOIN users u ON u.id = q.owner
        WHERE q.collection = 'quotes' AND q.id = $1`,
      [id, asOf.accountId],
    );
    return rows[0] ? fromRow({ ...rows[0], data: asOf }) : undefined;
  }
  const rows = await tx.query<QuoteRow>(`${SELECT_QUOTES} AND q.id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function findVisibleQuote(db: Queryable, user: AuthUser, id: string): Promise<Quote | undefined> {
  const scope = ownerVisibleSql(user, 'q.owner', 2);
  const rows = await db.query<QuoteRow>(`${SELECT_QUOTES} ${LIVE} AND q.id = $1 AND ${scope}`, scope === 'TRUE' ? [id] : [id, user.id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Every quote the user may see, oldest first (creation time, then id). */
export async function listVisibleQuotes(db: Queryable, user: AuthUser): Promise<Quote[]> {
  const scope = ownerVisibleSql(user, 'q.owner', 1);
  const rows = await db.query<QuoteRow>(
    `${SELECT_QUOTES} ${LIVE} AND ${scope} ORDER BY q.data ->> 'createdAt', q.id`,
    scope === 'TRUE' ? [] : [user.id],
  );
  return rows.map(fromRow);
}
