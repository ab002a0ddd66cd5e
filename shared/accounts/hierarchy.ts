/**
 * The customer hierarchy as the laptop holds it: each account names its parent
 * (`parentAccountId`), so children and the chain up to the top are derived, never stored twice.
 */

export interface HierarchyNode {
  id: string;
  parentAccountId?: string | undefined;
}

/** The accounts directly under `id`, in the order given. */
export function childrenOf<A extends HierarchyNode>(accounts: readonly A[], id: string): A[] {
  return accounts.filter((a) => a.parentAccountId === id && a.id !== id);
}

/**
 * The chain from the account's parent up to the top, nearest first. Stops at a parent not on the
 * laptop and at a loop (corrupt or concurrent edits), so it always ends.
 */
export function ancestorsOf<A extends HierarchyNode>(accounts: readonly A[], id: string): A[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const chain: A[] = [];
  const seen = new Set([id]);
  for (let parentId = byId.get(id)?.parentAccountId; parentId !== undefined && !seen.has(parentId);) {
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.push(parent);
    seen.add(parentId);
    parentId = parent.parentAccountId;
  }
  return chain;
}

/** Accounts that may become the parent of `id`: not itself and none below it (that would make a loop). */
export function possibleParents<A extends HierarchyNode>(accounts: readonly A[], id: string | undefined): A[] {
  if (id === undefined) return [...accounts];
  return accounts.filter((a) => a.id !== id && !ancestorsOf(accounts, a.id).some((up) => up.id === id));
}
