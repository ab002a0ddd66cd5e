import type { CollectionName } from '../../../../shared/schemas';
import { describeUnsafeText, unsafeTextProblems } from '../../../../shared/text/unsafeText';
import { badRequest } from '../http/errors';
import { isObject, type JsonObject } from '../json';
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

/**
 * One row of a push as judged at the door: a usable row, or one refused on its own (unsafe
 * text, schema mismatch...) that goes back to the client with `reason` while the rest is stored.
 */
export type PushItem = { kind: 'row'; row: PushRowInput } | { kind: 'refused'; doc: SentDoc; reason: string };

/** RxDB bookkeeping (`_rev`, `_meta`, `_attachments`) and `_deleted` never go into stored data. */
export function withoutInternalFields(doc: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}

/** The wire form of a client document, for comparing with a master's wire form. */
export function wireOf(doc: JsonObject): JsonObject {
  return { ...withoutInternalFields(doc), _deleted: doc._deleted === true };
}

/** Why a row with a usable id cannot be stored as sent, or undefined when it can. */
function rowProblem(collection: CollectionName, doc: JsonObject, assumed: unknown): string | undefined {
  if (typeof doc._deleted !== 'boolean') return 'newDocumentState._deleted must be true or false';
  const data = withoutInternalFields(doc);
  // PostgreSQL jsonb cannot hold NUL or lone surrogates; the rep reads which field to fix. The
  // whole row is checked: a broken key that starts with `_` is no RxDB field, and dropping it
  // silently would store something other than what was sent.
  const unsafe = unsafeTextProblems(doc);
  if (unsafe.length > 0) return describeUnsafeText(unsafe);
  const problems = schemaProblems(collection, data);
  if (problems.length > 0) return `does not match the ${collection} schema: ${problems.join('; ')}`;
  if (assumed !== undefined && assumed !== null) {
    if (!isObject(assumed)) return 'assumedMasterState must be a document object or absent';
    if (assumed.id !== doc.id) return 'assumedMasterState.id must equal newDocumentState.id';
  }
  return undefined;
}

function parseRow(collection: CollectionName, row: unknown, index: number): PushItem {
  const where = `row ${index}`;
  if (!isObject(row)) throw badRequest(`${where} must be an object {newDocumentState, assumedMasterState?}`);
  const doc = row.newDocumentState;
  if (!isObject(doc)) throw badRequest(`${where}: newDocumentState must be a document object`);
  const id = doc.id;
  // Without an id there is no record to answer for: the push itself is broken.
  if (typeof id !== 'string' || id.length === 0 || id.length > 40 || unsafeTextProblems(id).length > 0) {
    throw badRequest(`${where}: newDocumentState.id must be a string of 1 to 40 characters without control or broken characters`);
  }
  const sent: SentDoc = { ...doc, id, _deleted: doc._deleted === true };
  const problem = rowProblem(collection, doc, row.assumedMasterState);
  if (problem) return { kind: 'refused', doc: sent, reason: `${collection} ${id}: ${problem}` };
  const assumed = row.assumedMasterState;
  return { kind: 'row', row: { newDocumentState: sent, assumedMasterState: isObject(assumed) ? assumed : undefined } };
}

/** Shape check of a whole push: only a body that is not a push at all is refused as a whole. */
export function parsePushBody(collection: CollectionName, body: unknown): PushItem[] {
  if (!Array.isArray(body)) {
    throw badRequest('The push body must be a JSON array of {newDocumentState, assumedMasterState?} rows');
  }
  if (body.length > MAX_PUSH_ROWS) {
    throw badRequest(`A push carries at most ${MAX_PUSH_ROWS} rows, this one has ${body.length}; send smaller batches`);
  }
  return body.map((row, index) => parseRow(collection, row, index));
}
