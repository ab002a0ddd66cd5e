/**
 * Compile-time check (tsc -p renderer): both builds' platform modules export exactly the
 * contract of index.ts, so neither can drift from what the renderer imports. Nothing imports it.
 */
import type * as Contract from './index';
import type * as Browser from './index.browser';
import type * as Electron from './index.electron';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type PlatformContractHolds = [Same<typeof Browser, typeof Contract>, Same<typeof Electron, typeof Contract>] extends [true, true]
  ? true
  : never;
// Fails to compile the moment either implementation stops matching the contract.
export const platformContractHolds: PlatformContractHolds = true;
