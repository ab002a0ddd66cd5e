import { isOwnedCollection, isRepWritableCollection, type CollectionName } from '../../../../shared/schemas';
import type { AuthUser } from '../auth/users';
import { forbidden } from '../http/errors';

/**
 * Where each kind of reference data is maintained. The catalog has its own API (TMF620: its
 * events, projection and checks), so a sync push must never rewrite prices behind it; nor may
 * it rewrite a rule set behind its versions (the drift check re-runs the versions leads name).
 */
const MAINTAINED_BY: Partial<Record<CollectionName, string>> = {
  offerings: 'the product catalog is maintained through TMF620 (/tmf-api/productCatalogManagement/v4/productOffering, administrators only)',
  ruleSets: 'lead rule sets are published as new, immutable versions through POST /admin/ruleSets/{id}/versions (administrators only)',
};

/** Who may push to a collection: reps their own records; reference data only as described above. */
export function assertMayPush(user: AuthUser, collection: CollectionName): void {
  // Installed products are created by fulfillment only; not even an admin writes them by push.
  if (isOwnedCollection(collection) && !isRepWritableCollection(collection)) {
    throw forbidden(`${collection} is written by the central system only (fulfillment creates them); it is read-only in the app`);
  }
  if (isOwnedCollection(collection)) return;
  const api = MAINTAINED_BY[collection];
  if (api) throw forbidden(`${collection} is reference data and cannot be written by sync push: ${api}`);
  if (user.role !== 'admin') {
    throw forbidden(
      `${collection} is reference data, read-only in the app; administrators maintain it in the central system (you are signed in with the ${user.role} role)`,
    );
  }
}
