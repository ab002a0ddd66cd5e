import type { Queryable } from './db';

/**
 * What a transaction already knows (documents it read or wrote, rows it created), kept per
 * transaction so a second look costs no round trip. A memo must hold only what a re-read inside
 * the same transaction would return; a rolled-back savepoint may undo any of it, so the push
 * forgets them all then (forgetTxMemos).
 */
export interface TxMemoKey<V> {
  readonly name: string;
  /** Never set: carries the value type. */
  readonly value?: V;
}

const memos = new WeakMap<Queryable, Map<string, Map<string, unknown>>>();

export function txMemoKey<V>(name: string): TxMemoKey<V> {
  return { name };
}

/** A `Db` (it can open transactions) is not one: it lives as long as the server. */
function isTransaction(tx: Queryable): boolean {
  return typeof (tx as { transaction?: unknown }).transaction !== 'function';
}

/**
 * The transaction's memo for `key`, empty at first. Outside a transaction (a read on the `Db`
 * itself, e.g. the TMF622 POST's retry check) nothing is remembered: the next read may see
 * another request's commit, and a memo there would grow for as long as the server runs.
 */
export function txMemo<V>(tx: Queryable, key: TxMemoKey<V>): Map<string, V> {
  if (!isTransaction(tx)) return new Map();
  let all = memos.get(tx);
  if (!all) {
    all = new Map();
    memos.set(tx, all);
  }
  let memo = all.get(key.name);
  if (!memo) {
    memo = new Map();
    all.set(key.name, memo);
  }
  // One key name, one value type: txMemoKey's V is the only way in.
  return memo as Map<string, V>;
}

/** After ROLLBACK TO SAVEPOINT: what the memos hold may have been undone. */
export function forgetTxMemos(tx: Queryable): void {
  memos.delete(tx);
}
