/**
 * One document against its RxDB schema literal: the subset of JSON Schema the literals in
 * shared/schemas use (type, properties, required, items, enum, maxLength, minimum, maximum; the
 * schema test fails on any other keyword) and `additionalProperties: false`, which RxDB adds. Plain code, no compiled validator: it runs under the
 * app's CSP (no `unsafe-eval`) and costs microseconds a document, where z-schema cost half a
 * millisecond. The laptop checks the rep's own writes with it; the central system every push.
 */

/** The keywords checked; a schema node may carry RxDB's own (primaryKey, indexes, encrypted ...) beside them. */
export interface SchemaNode {
  type?: string | readonly string[];
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: readonly string[];
  items?: SchemaNode;
  enum?: readonly unknown[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** false: no field beyond `properties` (RxDB sets it on every collection's top level). */
  additionalProperties?: boolean;
}

/** The JSON Schema keywords SchemaNode checks: a schema literal may use these and RxDB's own, nothing else. */
export const CHECKED_KEYWORDS = [
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'maxLength',
  'minimum',
  'maximum',
  'additionalProperties',
] as const;

export interface SchemaProblem {
  /** Where: `document.sites[0].street`. */
  field: string;
  /** "document.sites[0].street must be string". */
  message: string;
}

/** At most this many problems are listed for one document: the first ones say what is wrong. */
const MAX_PROBLEMS = 10;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function check(node: SchemaNode, value: unknown, path: string, problems: SchemaProblem[], skip: ReadonlySet<string>): void {
  if (problems.length >= MAX_PROBLEMS) return;
  const problem = (field: string, text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ field, message: `${field} ${text}` });
  };
  const types = node.type === undefined ? [] : typeof node.type === 'string' ? [node.type] : node.type;
  if (types.length > 0 && !types.some((type) => typeMatches(type, value))) return void problem(path, `must be ${types.join(' or ')}`);
  if (node.enum && !node.enum.includes(value)) problem(path, `must be one of ${node.enum.join(', ')}`);
  if (typeof value === 'string' && node.maxLength !== undefined && value.length > node.maxLength)
    problem(path, `must be at most ${node.maxLength} characters`);
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) problem(path, `must be at least ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) problem(path, `must be at most ${node.maximum}`);
  }
  if (Array.isArray(value) && node.items) {
    const items = node.items;
    value.forEach((item, index) => check(items, item, `${path}[${index}]`, problems, NONE));
  }
  if (isObject(value)) {
    for (const name of node.required ?? []) if (!skip.has(name) && value[name] === undefined) problem(`${path}.${name}`, 'is required');
    const properties = node.properties ?? {};
    for (const [name, child] of Object.entries(properties)) {
      if (skip.has(name) || value[name] === undefined) continue;
      check(child, value[name], `${path}.${name}`, problems, NONE);
    }
    if (node.additionalProperties === false)
      for (const name of Object.keys(value))
        if (!Object.hasOwn(properties, name)) problem(`${path}.${name}`, 'is not a field of this record');
  }
}

const NONE: ReadonlySet<string> = new Set();

/** The problems of `doc` against `schema` (none: it is valid); top-level fields in `skip` are not checked. */
export function checkSchema(schema: SchemaNode, doc: unknown, skip: ReadonlySet<string> = NONE): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(schema, doc, 'document', problems, skip);
  return problems;
}
