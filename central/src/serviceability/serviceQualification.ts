/**
 * TMF645 checkServiceQualification answered at once (instantSyncQualification) by the simulated
 * network inventory: each item names an access service (serviceSpecification id `fibre` or `5g`,
 * or none for "whatever reaches the address") and the installation address in its `place`; the
 * answer says per item qualified or unqualified, with the bandwidth available or the reason.
 */
import { randomUUID } from 'node:crypto';
import { isObject, type JsonObject } from '../platform/json';
import { badRequest } from '../platform/http/errors';
import { coverageAt, OFFERING_OF, type AccessTechnology } from './networkInventory';

export const SERVICE_QUALIFICATION_BASE = '/tmf-api/serviceQualificationManagement/v4';
export const CHECK_KIND = 'checkServiceQualification';
/** How long an answer holds: the laptop shows its date and asks again after this. */
export const VALID_DAYS = 30;

const TECHNOLOGIES: readonly AccessTechnology[] = ['fibre', '5g'];
const NAMES: Readonly<Record<AccessTechnology, string>> = { fibre: 'Fibre access', '5g': '5G access' };

interface Address {
  place: JsonObject;
  postcode: string;
}

function addressOf(item: JsonObject, index: number): Address {
  const service = isObject(item.service) ? item.service : undefined;
  const places = Array.isArray(service?.place) ? service.place.filter(isObject) : [];
  const place = places[0];
  const postcode = place && typeof place.postcode === 'string' ? place.postcode.trim() : '';
  if (!place || postcode === '') {
    throw badRequest(
      `serviceQualificationItem ${index + 1}: give the installation address as service.place[0] with a postcode (a GeographicAddress)`,
    );
  }
  return { place, postcode };
}

function technologyOf(item: JsonObject, index: number): AccessTechnology | null {
  const spec = isObject(item.service) && isObject(item.service.serviceSpecification) ? item.service.serviceSpecification : undefined;
  if (!spec) return null;
  const found = TECHNOLOGIES.find((t) => t === spec.id);
  if (!found) throw badRequest(`serviceQualificationItem ${index + 1}: serviceSpecification id must be one of ${TECHNOLOGIES.join(', ')}`);
  return found;
}

function answerItem(item: JsonObject, index: number): JsonObject {
  const { place, postcode } = addressOf(item, index);
  const asked = technologyOf(item, index);
  const covered = coverageAt(postcode).filter((c) => asked === null || c.technology === asked);
  const id = typeof item.id === 'string' && item.id !== '' ? item.id : String(index + 1);
  const service = {
    ...(isObject(item.service) ? item.service : {}),
    place: [{ role: 'installationAddress', ...place }],
    serviceCharacteristic: covered.map((c) => ({
      name: `${c.technology}MaxBandwidthMbps`,
      valueType: 'integer',
      value: c.maxMbps,
    })),
    ...(asked ? { serviceSpecification: { id: asked, name: NAMES[asked] } } : {}),
    relatedEntity: covered.map((c) => ({ id: OFFERING_OF[c.technology], role: 'deliverableOffering', '@referredType': 'ProductOffering' })),
  };
  return {
    id,
    state: 'done',
    qualificationResult: covered.length > 0 ? 'qualified' : 'unqualified',
    service,
    ...(covered.length > 0
      ? {}
      : {
          eligibilityUnavailabilityReason: [
            { code: 'noCoverage', label: `${asked ? NAMES[asked] : 'No access technology'} does not reach postcode ${postcode}` },
          ],
        }),
  };
}

/** The qualification for a CheckServiceQualification_Create body, answered now. */
export function checkServiceQualification(body: unknown, now: Date): JsonObject {
  if (!isObject(body)) throw badRequest('Send a CheckServiceQualification as a JSON object');
  const items = Array.isArray(body.serviceQualificationItem) ? body.serviceQualificationItem : [];
  if (items.length === 0 || items.length > 50) throw badRequest('serviceQualificationItem: give 1 to 50 items, each with an address');
  const answered = items.map((item, index) => {
    if (!isObject(item)) throw badRequest(`serviceQualificationItem ${index + 1} must be an object`);
    return answerItem(item, index);
  });
  const id = randomUUID();
  const at = now.toISOString();
  return {
    id,
    href: `${SERVICE_QUALIFICATION_BASE}/checkServiceQualification/${id}`,
    '@type': 'CheckServiceQualification',
    ...(typeof body.externalId === 'string' ? { externalId: body.externalId } : {}),
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    instantSyncQualification: true,
    checkServiceQualificationDate: at,
    effectiveQualificationDate: at,
    expirationDate: new Date(now.getTime() + VALID_DAYS * 86_400_000).toISOString(),
    state: 'done',
    qualificationResult: answered.every((item) => item.qualificationResult === 'qualified') ? 'qualified' : 'unqualified',
    serviceQualificationItem: answered,
  };
}
