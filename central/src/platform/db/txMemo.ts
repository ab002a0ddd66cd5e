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

/** The transaction's memo for `key`, empty at first. */
export function txMemo<V>(tx: Queryable, key: TxMemoKey<V>): Map<string, V> {
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
