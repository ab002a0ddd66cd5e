import { describe, expect, it } from 'vitest';
import type { Db, Queryable } from './db';
import { forgetTxMemos, txMemo, txMemoKey } from './txMemo';

const KEY = txMemoKey<string>('test.key');
const query = () => Promise.resolve([]);

describe('per-transaction memos', () => {
  it('keeps what one transaction noted for that transaction only, until forgotten', () => {
    const tx: Queryable = { query };
    const other: Queryable = { query };
    txMemo(tx, KEY).set('a', 'seen');
    expect(txMemo(tx, KEY).get('a')).toBe('seen');
    expect(txMemo(other, KEY).get('a')).toBeUndefined();
    forgetTxMemos(tx);
    expect(txMemo(tx, KEY).get('a')).toBeUndefined();
  });

  it('remembers nothing for the database itself: a later read must see other requests’ commits', () => {
    const db: Db = { description: 'test', query, transaction: (fn) => fn({ query }), close: () => Promise.resolve() };
    txMemo(db, KEY).set('ext-1', 'absent');
    expect(txMemo(db, KEY).get('ext-1')).toBeUndefined();
  });
});
