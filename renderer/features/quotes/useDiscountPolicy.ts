import { useMemo } from 'react';
import { discountPolicyOf, type PolicyInForce } from '../../../shared/quotes/discountPolicy';
import { useDocuments } from '../../data/hooks';

/**
 * The discount policy the central system publishes (`policies`, kind `discount`), as pulled; the
 * built-in default only while none has synced, which the quote says (`source`). Undefined while
 * the local store is read.
 */
export function useDiscountPolicy(): PolicyInForce | undefined {
  const docs = useDocuments('policies');
  return useMemo(() => (docs === undefined ? undefined : discountPolicyOf(docs)), [docs]);
}
