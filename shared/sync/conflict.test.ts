import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SYNC_META_FIELDS } from '../schemas/common';
import { makeLead, makeOrder } from '../testing/docs.fixture';
import { conflictCopyOf, decidePushConflict, isSameDocument, isSameStoredState, resolveConflict } from './conflict';

const NOW = '2024-05-06T10:00:00.000Z';

describe('isSameDocument', () => {
  it("ignores RxDB's _meta, _rev and _attachments", () => {
    const a = { id: '1', name: 'x', _rev: '1-a', _meta: { lwt: 1 }, _attachments: {} };
    const b = { id: '1', name: 'x', _rev: '2-b', _meta: { lwt: 2 } };
    expect(isSameDocument(a, b)).toBe(true);
  });

  it('compares nested data deeply and treats an undefined property as absent', () => {
    expect(isSameDocument({ a: { b: [1, { c: 2 }] }, d: undefined }, { a: { b: [1, { c: 2 }] } })).toBe(true);
    expect(isSameDocument({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } })).toBe(false);
    expect(isSameDocument({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(isSameDocument({ _deleted: false }, { _deleted: true })).toBe(false);
  });
});

describe('resolveConflict', () => {
  it('returns the master unchanged for a retried push of an order the central system already acknowledged', () => {
    const local = { ...makeOrder({ status: 'queued', syncPending: true }), _deleted: false };
    const master = {
      ...makeOrder({
        status: 'acknowledged',
        tmfOrderId: 'PO-1',
        stateReason: 'Accepted',
        syncPending: false,
        updatedAt: '2024-05-06T09:00:00Z',
      }),
      _deleted: false,
    };
    expect(resolveConflict({ newDocumentState: local, realMasterState: master }, NOW)).toBe(master);
  });

  it("keeps the rep's differing version in conflictCopy while the master's fields win", () => {
    const local = { ...makeLead({ phone: '+1 555 000 1111', updatedAt: '2024-05-06T09:30:00Z' }), _deleted: false };
    const master = { ...makeLead({ company: 'Acme Corporation', status: 'inProgress' }), _deleted: false };
    const resolved = resolveConflict({ newDocumentState: local, realMasterState: master }, NOW);
    expect(resolved).toMatchObject({
      company: 'Acme Corporation',
      status: 'inProgress',
      phone: '+1 555 010 0199',
      updatedAt: NOW,
      syncPending: true,
    });
    const copy: unknown = JSON.parse(resolved.conflictCopy ?? '');
    expect(copy).toMatchObject({ company: 'Acme Corp', phone: '+1 555 000 1111', status: 'acknowledged' });
    for (const field of SYNC_META_FIELDS) expect(copy).not.toHaveProperty(field);
    expect(copy).not.toHaveProperty('_deleted');
  });

  it('still treats a local status change as rep data while the order is not yet ingested', () => {
    const local = makeOrder({ status: 'validated' });
    const master = makeOrder({ status: 'draft' });
    expect(resolveConflict({ newDocumentState: local, realMasterState: master }, NOW).conflictCopy).toContain('"status":"validated"');
  });

  it("keeps a rep's deletion visible when the master was edited meanwhile", () => {
    const local = { ...makeLead(), _deleted: true };
    const master = { ...makeLead({ company: 'Acme Inc' }), _deleted: false };
    const resolved = resolveConflict({ newDocumentState: local, realMasterState: master }, NOW);
    expect(resolved._deleted).toBe(false);
    expect(JSON.parse(resolved.conflictCopy ?? '')).toMatchObject({ _deleted: true });
  });

  it('keeps an earlier conflict copy the master does not have yet', () => {
    const master = makeLead({ company: 'Acme Inc' });
    const local = { ...master, conflictCopy: '{"company":"Acme Corp"}', syncPending: true };
    expect(resolveConflict({ newDocumentState: local, realMasterState: master }, NOW)).toEqual({
      ...master,
      conflictCopy: '{"company":"Acme Corp"}',
      updatedAt: NOW,
      syncPending: true,
    });
  });
});

// ---- properties ----------------------------------------------------------------------------

const USER_FIELDS = ['company', 'email', 'items', 'status', 'quoteId', 'catalogVersion', '_deleted'] as const;
const OTHER_FIELDS = [...SYNC_META_FIELDS.filter((f) => f !== 'conflictCopy'), 'tmfOrderId', 'stateReason', '_rev', '_meta'] as const;
const valueArb = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('acknowledged', 'queued', 'draft', 'inProgress'));
const partArb = (fields: readonly string[]) => fc.dictionary(fc.constantFrom(...fields), valueArb, { maxKeys: fields.length });

/** Master and local share the id; local copies some master fields so equal and unequal cases both occur. */
const pairArb = fc
  .tuple(
    partArb(USER_FIELDS),
    partArb(OTHER_FIELDS),
    partArb(USER_FIELDS),
    partArb(OTHER_FIELDS),
    fc.subarray([...USER_FIELDS]),
    fc.option(fc.string(), { nil: undefined }),
    fc.option(fc.string(), { nil: undefined }),
  )
  .map(([masterUser, masterOther, localUser, localOther, shared, copy, masterCopy]) => {
    const master: Record<string, unknown> = {
      id: 'doc-1',
      ...masterUser,
      ...masterOther,
      ...(masterCopy === undefined ? {} : { conflictCopy: masterCopy }),
    };
    const local: Record<string, unknown> = {
      id: 'doc-1',
      ...localUser,
      ...localOther,
      ...(copy === undefined ? {} : { conflictCopy: copy }),
    };
    for (const field of shared) {
      if (field in master) local[field] = master[field];
      else delete local[field];
    }
    return { local, master };
  });

/** What the rep typed, as the copy stores it. */
function repData(doc: Record<string, unknown>, master: Record<string, unknown>): unknown {
  return JSON.parse(conflictCopyOf(doc, master));
}

describe('resolveConflict properties', () => {
  it("never loses the rep's data: it equals the result's, or the conflict copy holds it", () => {
    fc.assert(
      fc.property(pairArb, ({ local, master }) => {
        const resolved = resolveConflict({ newDocumentState: local, realMasterState: master }, NOW);
        const mine = repData(local, master);
        const kept =
          isSameDocument(repData(resolved, master) as Record<string, unknown>, mine as Record<string, unknown>) ||
          (typeof resolved['conflictCopy'] === 'string' &&
            isSameDocument(JSON.parse(resolved['conflictCopy']) as Record<string, unknown>, mine as Record<string, unknown>));
        expect(kept).toBe(true);
      }),
    );
  });

  it("the master's fields always win", () => {
    fc.assert(
      fc.property(pairArb, ({ local, master }) => {
        const resolved = resolveConflict({ newDocumentState: local, realMasterState: master }, NOW);
        for (const key of Object.keys(resolved)) {
          if (['conflictCopy', 'updatedAt', 'syncPending'].includes(key)) continue;
          expect(resolved[key]).toEqual(master[key]);
        }
        for (const key of Object.keys(master)) expect(key in resolved).toBe(true);
      }),
    );
  });

  it('is idempotent: resolving again, against the result or with the result, changes nothing', () => {
    fc.assert(
      fc.property(pairArb, ({ local, master }) => {
        const once = resolveConflict({ newDocumentState: local, realMasterState: master }, NOW);
        expect(resolveConflict({ newDocumentState: local, realMasterState: once }, NOW)).toEqual(once);
        expect(resolveConflict({ newDocumentState: once, realMasterState: master }, NOW)).toEqual(once);
        expect(resolveConflict({ newDocumentState: once, realMasterState: once }, NOW)).toEqual(once);
      }),
    );
  });

  it('returns the master itself when the rep changed nothing of their own', () => {
    fc.assert(
      fc.property(pairArb, ({ master }) => {
        const local = { ...master, syncPending: true, updatedAt: 'later', _rev: '9-z' };
        expect(resolveConflict({ newDocumentState: local, realMasterState: master }, NOW)).toBe(master);
      }),
    );
  });
});

// ---- a conflict with the rep's own earlier write (its push answer was lost) ---------------------

const docArb = fc
  .tuple(partArb(USER_FIELDS), partArb(OTHER_FIELDS))
  .map(([user, other]): Record<string, unknown> => ({ id: 'doc-1', ...other, ...user }));

/** What the central system stores for a pushed state: it owns the sync meta fields and drops RxDB's. */
function storedCentrally(sent: Record<string, unknown>): Record<string, unknown> {
  const data = Object.fromEntries(Object.entries(sent).filter(([key]) => !key.startsWith('_') && key !== 'syncError'));
  return { ...data, owner: 'user-alex', createdAt: '2024-05-01T00:00:00.000Z', syncPending: false, _deleted: sent['_deleted'] === true };
}

const ownWritesArb = fc.array(docArb, { minLength: 1, maxLength: 4 });

describe('decidePushConflict properties', () => {
  it("the rep's own earlier write as master: the rep's newer state wins, pushed on top of that master", () => {
    fc.assert(
      fc.property(docArb, ownWritesArb, fc.nat(), (local, own, pick) => {
        const master = storedCentrally(own[pick % own.length] ?? {});
        const outcome = decidePushConflict(local, master, own);
        if (outcome.kind === 'pushAgain') {
          expect(outcome.row.newDocumentState).toBe(local);
          expect(outcome.row.assumedMasterState).toBe(master);
        } else {
          // Nothing left to send: the master already is the rep's state.
          expect(outcome.kind).toBe('stored');
          expect(isSameStoredState(local, master)).toBe(true);
        }
      }),
    );
  });

  it("someone else's change: the conflict is kept, and resolving it loses nothing the rep typed", () => {
    fc.assert(
      fc.property(docArb, ownWritesArb, fc.nat(), fc.uuid(), (local, own, pick, marker) => {
        const elsewhere = `changed elsewhere ${marker}`;
        const master = { ...storedCentrally(own[pick % own.length] ?? {}), company: elsewhere };
        fc.pre(local['company'] !== elsewhere);
        expect(decidePushConflict(local, master, own)).toEqual({ kind: 'conflict' });
        const resolved = resolveConflict({ newDocumentState: local, realMasterState: master }, NOW);
        const mine = repData(local, master) as Record<string, unknown>;
        const copy =
          typeof resolved['conflictCopy'] === 'string' ? (JSON.parse(resolved['conflictCopy']) as Record<string, unknown>) : null;
        expect(
          isSameDocument(repData(resolved, master) as Record<string, unknown>, mine) || (copy !== null && isSameDocument(copy, mine)),
        ).toBe(true);
      }),
    );
  });

  it("a refusal is never taken for the rep's own write, even when the refused state is one the rep sent", () => {
    fc.assert(
      fc.property(docArb, ownWritesArb, (local, own) => {
        const refused = { ...storedCentrally(local), syncError: { reason: 'Billing account is missing', at: NOW } };
        expect(decidePushConflict(local, refused, [...own, local])).toEqual({ kind: 'conflict' });
      }),
    );
  });

  it("a refusal of the rep's own earlier write, whose answer was lost, is no conflict: the newer state goes up on top of it", () => {
    fc.assert(
      fc.property(docArb, ownWritesArb, fc.nat(), (local, own, pick) => {
        const earlier = own[pick % own.length] ?? {};
        fc.pre(!isSameStoredState(local, earlier));
        const refused = { ...storedCentrally(earlier), syncError: { reason: 'Enter an email like name@company.com', at: NOW } };
        expect(decidePushConflict(local, refused, [...own, local])).toEqual({
          kind: 'pushAgain',
          row: { newDocumentState: local, assumedMasterState: refused },
        });
      }),
    );
  });
});
