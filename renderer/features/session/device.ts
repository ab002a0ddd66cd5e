import { DEVICE_HEADER } from '../../../shared/sync/protocol';
import { platform } from '../../platform';
import { setInstallationHeaders } from '../../sync/centralClient';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * This installation's id: a random UUID made once and kept with the secrets, sent on every
 * request to the central system (DEVICE_HEADER) so an administrator can wipe this laptop.
 * Random, not a hardware id: it identifies an installation, never a person or a machine.
 */
export async function ensureDeviceId(): Promise<string> {
  let id = await platform.secrets.get('device');
  if (!id || !UUID.test(id)) {
    id = crypto.randomUUID();
    await platform.secrets.set('device', id);
  }
  setInstallationHeaders({ [DEVICE_HEADER]: id });
  return id;
}
