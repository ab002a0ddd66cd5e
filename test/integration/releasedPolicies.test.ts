/**
 * Laptops already released keep the policies collection at version 1 (kinds orderApproval and
 * discount) and pull whatever the central system publishes without validating it, so they
 * receive the charge table (kind `charges`, policies v2) too. Proof that such a laptop still
 * completes its pull and still reads its approval and discount policies, against a real central
 * system with the real sync module and RxDB store.
 */
import { describe, expect, it } from 'vitest';
import { CHARGES_POLICY_ID } from '../../shared/orders/charges';
import { ORDER_APPROVAL_POLICY_ID, orderApprovalPolicyOf } from '../../shared/orders/orderPolicy';
import { DISCOUNT_POLICY_ID, discountPolicyOf } from '../../shared/quotes/discountPolicy';
import { POLICY_SCHEMA_V1 } from '../../shared/schemas/fixtures/v1.policy.schema';
import { centralBehindProxy } from './centralBehindProxy';
import { waitForStatus } from './syncHarness';

const setup = centralBehindProxy();

describe('a laptop released with policies version 1', () => {
  it('pulls the charge table it does not know without a sync problem, and keeps its approval and discount policies', async () => {
    const alex = await setup.laptop('alex', { direct: true, olderSchemas: { policies: POLICY_SCHEMA_V1 } });
    expect(alex.db.policies.schema.version).toBe(1);
    await alex.sync.awaitInitialSync();
    const status = await waitForStatus(alex.sync, 'caught up', (s) => s.online && s.lastSyncAt !== null && s.initialSync === null);
    expect(status.problem).toBeNull();
    expect(status.stuck).toBeNull();

    const docs = (await alex.db.policies.find().exec()).map((doc) => doc.toMutableJSON());
    expect(docs.map((doc) => doc.id).sort()).toEqual([CHARGES_POLICY_ID, DISCOUNT_POLICY_ID, ORDER_APPROVAL_POLICY_ID].sort());
    // What the released screens read (OrderScreen, useDiscountPolicy): the unknown kind is passed over.
    expect(orderApprovalPolicyOf(docs)).toMatchObject({ valueThreshold: 5_000_000, standardPaymentTerms: expect.any(Array) });
    expect(discountPolicyOf(docs).source).toBe('synced');
  });
});
