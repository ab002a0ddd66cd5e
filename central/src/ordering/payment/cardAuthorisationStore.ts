import { randomUUID } from 'node:crypto';
import type { CardBrand } from '../../../../shared/orders/card';
import type { ApprovedAuthorisation } from '../../../../shared/orders/cardAuthorisation';
import { toIso, toNumber, type Queryable } from '../../platform/db/db';

export interface StoredAuthorisation extends ApprovedAuthorisation {
  owner: string;
  usedByOrder: string | null;
}

interface AuthorisationRow extends Record<string, unknown> {
  id: string;
  order_id: string;
  owner: string;
  brand: CardBrand;
  last4: string;
  amount: unknown;
  currency: string;
  expires_at: unknown;
  used_by_order: string | null;
}

const COLUMNS = 'id, order_id, owner, brand, last4, amount, currency, expires_at, used_by_order';

function fromRow(row: AuthorisationRow): StoredAuthorisation {
  return {
    status: 'approved',
    id: row.id,
    orderId: row.order_id,
    owner: row.owner,
    brand: row.brand,
    last4: row.last4,
    amount: toNumber(row.amount),
    currency: row.currency,
    expiresAt: toIso(row.expires_at),
    usedByOrder: row.used_by_order,
  };
}

export type NewAuthorisation = Omit<StoredAuthorisation, 'status' | 'id' | 'usedByOrder'>;

export async function insertAuthorisation(db: Queryable, input: NewAuthorisation): Promise<StoredAuthorisation> {
  const rows = await db.query<AuthorisationRow>(
    `INSERT INTO card_authorisations (id, order_id, owner, brand, last4, amount, currency, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [randomUUID(), input.orderId, input.owner, input.brand, input.last4, input.amount, input.currency, input.expiresAt],
  );
  const row = rows[0];
  if (!row) throw new Error('the card authorisation was not stored');
  return fromRow(row);
}

export async function findAuthorisation(db: Queryable, id: string): Promise<StoredAuthorisation | undefined> {
  const rows = await db.query<AuthorisationRow>(`SELECT ${COLUMNS} FROM card_authorisations WHERE id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Marks the authorisation used by `orderId`; false when another order already used it. */
export async function claimAuthorisation(db: Queryable, id: string, orderId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE card_authorisations SET used_by_order = $2 WHERE id = $1 AND (used_by_order IS NULL OR used_by_order = $2) RETURNING id`,
    [id, orderId],
  );
  return rows.length > 0;
}
