import { badRequest } from '../platform/http/errors';
import { isObject, type JsonObject } from '../platform/json';
import { profileProblems } from '../platform/tmf/profileRules';
import { CATALOG_PROFILE } from './catalogProfile';
import { CATALOG_REFERENCES, CREATE_ATTRIBUTES, SERVER_OWNED, UPDATE_EXCLUDED, type AttributeType } from './catalogSpec';
import { TYPE_NAMES, type CatalogResourceName } from './catalogTypes';

function typeMatches(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value) && value.every(isObject);
  }
}

function describeType(type: AttributeType): string {
  return type === 'array' ? 'an array of objects' : type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

function fail(problems: readonly string[]): never {
  throw badRequest(problems.slice(0, 5).join('; '));
}

/** Attributes the body may not carry: server-owned ones and ones the spec does not define. */
function refuseAttributes(resource: CatalogResourceName, keys: readonly string[], allowed: ReadonlySet<string>, operation: string): void {
  const owned = keys.filter((key) => SERVER_OWNED.has(key));
  const unknown = keys.filter((key) => !SERVER_OWNED.has(key) && !allowed.has(key));
  const problems: string[] = [];
  if (owned.length > 0)
    problems.push(
      `${owned.join(', ')} ${owned.length > 1 ? 'are' : 'is'} set by the server; remove ${owned.length > 1 ? 'them' : 'it'} from the body`,
    );
  if (unknown.length > 0) {
    problems.push(
      `${unknown.map((key) => key.slice(0, 64)).join(', ')} cannot be sent in ${TYPE_NAMES[resource]}_${operation}; remove ${unknown.length > 1 ? 'them' : 'it'}`,
    );
  }
  if (problems.length > 0) fail(problems);
}

function validPeriod(value: unknown): boolean {
  if (!isObject(value)) return false;
  return ['startDateTime', 'endDateTime'].every(
    (key) => value[key] === undefined || (typeof value[key] === 'string' && !Number.isNaN(Date.parse(value[key]))),
  );
}

/** Shapes the rest of the system relies on: references carry an id, money is a unit and a value. */
function nestedProblems(resource: CatalogResourceName, body: JsonObject): string[] {
  const problems: string[] = [];
  for (const reference of CATALOG_REFERENCES.filter((candidate) => candidate.from === resource)) {
    const value = body[reference.field];
    // A wrongly typed attribute is reported by typeProblems.
    if (value === undefined || (reference.many && !Array.isArray(value))) continue;
    const refs: unknown[] = reference.many ? (value as unknown[]) : [value];
    refs.forEach((ref, index) => {
      if (!isObject(ref) || typeof ref.id !== 'string' || ref.id === '') {
        problems.push(`${reference.field}${reference.many ? `[${index}]` : ''} must reference a ${TYPE_NAMES[reference.to]} by its id`);
      }
    });
  }
  if (body.validFor !== undefined && !validPeriod(body.validFor)) {
    problems.push('validFor.startDateTime and validFor.endDateTime must be date-times, e.g. 2026-11-01T00:00:00Z');
  }
  if (resource === 'productOfferingPrice') {
    const price = body.price;
    if (
      isObject(price) &&
      (typeof price.unit !== 'string' ||
        price.unit === '' ||
        typeof price.value !== 'number' ||
        !Number.isFinite(price.value) ||
        price.value < 0)
    ) {
      problems.push('price must be Money: {"unit": "USD", "value": 79.0} with a value of 0 or more');
    }
    const percentage = body.percentage;
    if (typeof percentage === 'number' && (percentage < 0 || percentage > 100)) problems.push('percentage must be from 0 to 100');
  }
  const uses = body.prodSpecCharValueUse;
  if (Array.isArray(uses)) {
    uses.forEach((use, index) => {
      if (
        !isObject(use) ||
        typeof use.name !== 'string' ||
        !Array.isArray(use.productSpecCharacteristicValue) ||
        !use.productSpecCharacteristicValue.every(isObject)
      ) {
        problems.push(`prodSpecCharValueUse[${index}] needs the characteristic name and productSpecCharacteristicValue [{"value": ...}]`);
      }
    });
  }
  return problems;
}

function typeProblems(resource: CatalogResourceName, body: JsonObject): string[] {
  const table = CREATE_ATTRIBUTES[resource];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const type = table[key];
    if (type && value !== undefined && !typeMatches(type, value)) problems.push(`${key} must be ${describeType(type)}`);
  }
  return problems;
}

/** A whole resource as it would be stored: name required, every attribute of its spec type. */
export function checkResource(resource: CatalogResourceName, body: JsonObject): void {
  const problems: string[] = [];
  if (typeof body.name !== 'string' || body.name.trim() === '') problems.push(`name is required: the name of the ${TYPE_NAMES[resource]}`);
  problems.push(...typeProblems(resource, body), ...nestedProblems(resource, body));
  // Shapes first: the profile's conditions read isBundle and nested references.
  if (problems.length === 0) problems.push(...profileProblems(CATALOG_PROFILE[resource], body, 'request'));
  if (problems.length > 0) fail(problems);
}

/** A POST body against `<Resource>_Create`; returns the attributes to store. */
export function parseCreate(resource: CatalogResourceName, body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest(`The body must be a ${TYPE_NAMES[resource]}_Create JSON object with at least a name`);
  refuseAttributes(resource, Object.keys(body), new Set(Object.keys(CREATE_ATTRIBUTES[resource])), 'Create');
  checkResource(resource, body);
  return body;
}

export function updateAttributes(resource: CatalogResourceName): ReadonlySet<string> {
  return new Set(Object.keys(CREATE_ATTRIBUTES[resource]).filter((key) => !UPDATE_EXCLUDED.has(key)));
}

/** A PATCH body against `<Resource>_Update` (merge patch: null removes an attribute). */
export function parsePatch(resource: CatalogResourceName, body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest(`The body must be a ${TYPE_NAMES[resource]}_Update JSON object with the attributes to change`);
  const keys = Object.keys(body);
  if (keys.length === 0) throw badRequest('The patch is empty; send the attributes to change');
  refuseAttributes(resource, keys, updateAttributes(resource), 'Update');
  // TMF620B: lifecycleStatus is mandatory in every answer, so a patch may change it, never remove it.
  if (body.lifecycleStatus === null || body.lifecycleStatus === '')
    fail(['lifecycleStatus cannot be removed; send the new status instead, e.g. "Retired"']);
  const problems = typeProblems(resource, Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null)));
  if (problems.length > 0) fail(problems);
  return body;
}

/** RFC 7396 JSON merge patch: objects merge recursively, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
