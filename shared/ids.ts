import { v7 } from 'uuid';

/**
 * Client-generated, time-ordered id (UUIDv7). A record created offline keeps it forever,
 * and it is the idempotency key of every push (the order's TMF622 `externalId`).
 */
export function newId(): string {
  return v7();
}
