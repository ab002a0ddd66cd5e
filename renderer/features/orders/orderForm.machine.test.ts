import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../shared/machines/send';
import { makeOrder } from '../../../shared/testing/docs.fixture';
import { SAVE_DELAY_MS } from './orderForm.machine';
import { complete, draft, settle, start } from './orderForm.machine.fixture';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The signed-in manager of the order's owner (rep-1), as renderer/features/session/actor.ts makes them. */
const manager: Actor = { kind: 'user', id: 'manager-1', role: 'manager', manages: (owner) => owner === 'rep-1' };

describe('order form machine', () => {
  it("is read-only for a manager viewing a rep's order: nothing typed, validated or submitted is stored", async () => {
    const validated = makeOrder({ status: 'validated' });
    const { actor, store, view } = start(validated, manager);
    expect(actor.getSnapshot().can({ type: 'form.edit', field: 'city', value: 'X' })).toBe(false);
    actor.send({ type: 'form.edit', field: 'city', value: 'Elsewhere' });
    actor.send({ type: 'form.validate' });
    actor.send({ type: 'form.submit' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(view()).toMatchObject({ canSubmit: false, canValidate: false });
    expect(view().fields.city).toBe(validated.serviceAddress?.city);
    expect(store.writes).toEqual([]);
    // The owner gets the same order editable and submittable.
    const own = start(validated);
    expect(own.view()).toMatchObject({ canSubmit: true, canValidate: true });
  });

  it('stores typing once the rep pauses, not on every keystroke', async () => {
    const { actor, store } = start(draft);
    actor.send({ type: 'form.edit', field: 'city', value: 'S' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 2);
    actor.send({ type: 'form.edit', field: 'city', value: 'Sp' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(store.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.writes.map((o) => o.serviceAddress?.city)).toEqual(['Sp']);
    expect(actor.getSnapshot().value).toBe('clean');
  });

  it('lists every missing item on validation, focuses the first field, and does not allow submitting', async () => {
    const { actor, view } = start(draft);
    actor.send({ type: 'form.validate' });
    expect(actor.getSnapshot().can({ type: 'form.validate' })).toBe(false); // busy while validating
    await settle();
    expect(view().issues.length).toBeGreaterThanOrEqual(5);
    expect(actor.getSnapshot().context.focusRequest).toEqual({ field: 'billingAccount' });
    expect(view().canSubmit).toBe(false);
  });

  it('validates a complete order into validated, then allows submitting, which queues it', async () => {
    const { actor, store, report, view } = start(draft);
    for (const [field, value] of Object.entries(complete)) actor.send({ type: 'form.edit', field: field as keyof typeof complete, value });
    actor.send({ type: 'form.validate' });
    await settle();
    report();
    expect(store.order.status).toBe('validated');
    expect(view()).toMatchObject({ issues: [], justValidated: true, canSubmit: true, error: null });

    actor.send({ type: 'form.submit' });
    await settle();
    report();
    expect(store.order.status).toBe('queued');
    expect(store.order.submittedAt).toBeDefined();
    expect(view()).toMatchObject({ canSubmit: false, justValidated: false });
  });

  it('takes a validated order back to draft at once when the rep edits it, so it cannot be submitted unchecked', async () => {
    const validated = makeOrder({
      status: 'validated',
      billingAccount: 'ba-1',
      serviceAddress: { street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' },
    });
    const { actor, store, report, view } = start(validated);
    expect(view().canSubmit).toBe(true);
    actor.send({ type: 'form.edit', field: 'city', value: 'Shelbyville' });
    expect(view().canSubmit).toBe(false);
    await settle(); // no typing pause for a validated order
    report();
    expect(store.order).toMatchObject({ status: 'draft', serviceAddress: { city: 'Shelbyville' } });
    expect(view().canSubmit).toBe(false);
  });

  it('never stores unsafe text, names the field, and keeps it on screen', async () => {
    const { actor, store, view } = start(draft);
    actor.send({ type: 'form.edit', field: 'street', value: 'Main\u0000St' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(store.writes).toHaveLength(0);
    expect(view().fields.street).toBe('Main\u0000St');
    expect(view().issues).toHaveLength(1);
    actor.send({ type: 'form.validate' });
    await settle();
    expect(store.writes).toHaveLength(0);
    expect(actor.getSnapshot().value).toBe('held');
  });

  it('keeps what was typed and says so when the store refuses the write', async () => {
    const { actor, store, view } = start(draft);
    store.failWith = 'QuotaExceededError';
    actor.send({ type: 'form.edit', field: 'city', value: 'Springfield' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(view().error).toBe('The order could not be saved: QuotaExceededError. What you typed is kept.');
    expect(view().fields.city).toBe('Springfield');
    store.failWith = null;
    actor.send({ type: 'form.edit', field: 'city', value: 'Springfield!' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(view().error).toBeNull();
    expect(store.order.serviceAddress?.city).toBe('Springfield!');
  });

  it('keeps typing that happens while a write is on its way, and stores it next', async () => {
    const { actor, store, report, view } = start(draft);
    store.hold = true;
    actor.send({ type: 'form.edit', field: 'city', value: 'Spring' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    actor.send({ type: 'form.edit', field: 'city', value: 'Springfield' });
    report(); // the store has not got the write yet; the screen must not jump back
    expect(view().fields.city).toBe('Springfield');
    store.hold = false;
    store.release();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(store.writes.map((o) => o.serviceAddress?.city)).toEqual(['Spring', 'Springfield']);
  });

  it('validates after the write on its way when Validate is pressed meanwhile', async () => {
    const { actor, store } = start(draft);
    store.hold = true;
    actor.send({ type: 'form.edit', field: 'city', value: 'Springfield' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    actor.send({ type: 'form.validate' });
    store.hold = false;
    store.release();
    await settle();
    expect(actor.getSnapshot().context.issues.length).toBeGreaterThan(0);
    expect(actor.getSnapshot().value).toBe('clean');
  });

  it('takes over a change it did not write (a conflict resolved for the central version) only while nothing typed waits', async () => {
    const { actor, view } = start(draft);
    const theirs = { ...draft, serviceAddress: { street: '9 Elm St', city: 'Ogdenville', postcode: '999', country: 'US' } };
    actor.send({ type: 'form.edit', field: 'city', value: 'Mine' });
    actor.send({ type: 'order.stored', order: theirs });
    expect(view().fields.city).toBe('Mine');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const { actor: other, view: otherView } = start(draft);
    other.send({ type: 'order.stored', order: theirs });
    expect(otherView().fields).toMatchObject({ street: '9 Elm St', city: 'Ogdenville' });
  });

  it('says why a submission failed and lets the rep try again', async () => {
    const validated = makeOrder({
      status: 'validated',
      billingAccount: 'ba-1',
      serviceAddress: { street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' },
    });
    const { actor, store, view } = start(validated);
    store.failWith = 'the store is closed';
    actor.send({ type: 'form.submit' });
    expect(view().canSubmit).toBe(false);
    await settle();
    expect(view()).toMatchObject({ error: 'The order could not be submitted: the store is closed', canSubmit: true });
  });
});
