import { describe, expect, it } from 'vitest';
import { LEAD_STATES } from '../../shared/schemas/lead.schema';
import { ORDER_STATES } from '../../shared/schemas/order.schema';
import { QUOTE_STATES } from '../../shared/schemas/quote.schema';
import { statusLabel } from './statusLabels';

describe('statusLabel', () => {
  it('names the states the journey shows', () => {
    expect(statusLabel('inProgress')).toBe('In progress');
    expect(statusLabel('queued')).toBe('Queued');
    expect(statusLabel('acknowledged')).toBe('Acknowledged');
    expect(statusLabel('approved')).toBe('Approved');
    expect(statusLabel('pendingCancellation')).toBe('Pending cancellation');
  });

  it('has a word label for every known state', () => {
    for (const s of [...LEAD_STATES, ...QUOTE_STATES, ...ORDER_STATES]) {
      expect(statusLabel(s)).toMatch(/^[A-Z][a-z ]+$/);
    }
  });

  it('splits unknown camelCase states and marks missing ones', () => {
    expect(statusLabel('someNewState')).toBe('Some new state');
    expect(statusLabel(undefined)).toBe('—');
  });
});
