import type { CollectionName } from '../../../shared/schemas';
import { badRequest } from '../http/errors';
import { isObject, type JsonObject } from './json';
import { schemaProblems } from './schemaCheck';

export const MAX_PUSH_ROWS = 200;

export interface SentDoc extends JsonObject {
  id: string;
  _deleted: boolean;
}

export interface PushRowInput {
  newDocumentState: SentDoc;
  /** Undefined when the client believes the document is new. */
  assumedMasterState: JsonObject | undefined;
}

/** RxDB bookkeeping (`_rev`, `_meta`, `_attachments`) and `_deleted` never go into stored data. */
export function withoutInternalFields(doc: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}

/** The wire form of a client document, for comparing with a master's wire form. */
export function wireOf(doc: JsonObject): JsonObject {
  return { ...withoutInternalFields(doc), _deleted: doc._deleted === true };
}

function parseRow(collection: CollectionName, row: unknown, index: number): PushRowInput {
  const where = `row ${index}`;
  if (!isObject(row)) throw badRequest(`${where} must be an object {newDocumentState, assumedMasterState?}`);
  const doc = row.newDocumentState;
  if (!isObject(doc)) throw badRequest(`${where}: newDocumentState must be a document object`);
  if (typeof doc.id !== 'string' || doc.id.length === 0 || doc.id.length > 40) {
    throw badRequest(`${where}: newDocumentState.id must be a string of 1 to 40 characters`);
  }
  if (typeof doc._deleted !== 'boolean') throw badRequest(`${where}: newDocumentState._deleted must be true or false`);
  const problems = schemaProblems(collection, withoutInternalFields(doc));
  if (problems.length > 0) {
    throw badRequest(`${where} (${collection} ${doc.id}) does not match the ${collection} schema: ${problems.join('; ')}`);
  }
  const assumed = row.assumedMasterState;
  if (assumed !== undefined && assumed !== null) {
    if (!isObject(assumed)) throw badRequest(`${where}: assumedMasterState must be a document object or absent`);
    if (assumed.id !== doc.id) throw badRequest(`${where}: assumedMasterState.id must equal newDocumentState.id`);
  }
  return { newDocumentState: { ...doc, id: doc.id, _deleted: doc._deleted }, assumedMasterState: assumed ?? undefined };
}

/** Shape check of a whole push: a broken batch is refused before anything is stored. */
export function parsePushBody(collection: CollectionName, body: unknown): PushRowInput[] {
  if (!Array.isArray(body)) {
    throw badRequest('The push body must be a JSON array of {newDocumentState, assumedMasterState?} rows');
  }
  if (body.length > MAX_PUSH_ROWS) {
    throw badRequest(`A push carries at most ${MAX_PUSH_ROWS} rows, this one has ${body.length}; send smaller batches`);
  }
  // PostgreSQL text and jsonb cannot hold NUL characters.
  if (JSON.stringify(body).includes('\\u0000')) throw badRequest('Documents must not contain NUL (\\u0000) characters');
  return body.map((row, index) => parseRow(collection, row, index));
}
