import { COLLECTIONS, type CollectionName } from '../../../../shared/schemas';
import { SYNC_META_FIELDS } from '../../../../shared/schemas/common';
import { isObject } from '../json';

/** The subset of JSON Schema the RxDB schema literals in shared/schemas use. */
interface SchemaNode {
  type?: string | readonly string[];
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: readonly string[];
  items?: SchemaNode;
  enum?: readonly unknown[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

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

function check(node: SchemaNode, value: unknown, path: string, problems: string[], skip: ReadonlySet<string>): void {
  if (problems.length >= 10) return;
  const types = node.type === undefined ? [] : typeof node.type === 'string' ? [node.type] : node.type;
  if (types.length > 0 && !types.some((type) => typeMatches(type, value))) {
    problems.push(`${path} must be ${types.join(' or ')}`);
    return;
  }
  if (node.enum && !node.enum.includes(value)) problems.push(`${path} must be one of ${node.enum.join(', ')}`);
  if (typeof value === 'string' && node.maxLength !== undefined && value.length > node.maxLength) {
    problems.push(`${path} must be at most ${node.maxLength} characters`);
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) problems.push(`${path} must be at least ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) problems.push(`${path} must be at most ${node.maximum}`);
  }
  if (Array.isArray(value) && node.items) {
    const items = node.items;
    value.forEach((item, index) => check(items, item, `${path}[${index}]`, problems, new Set()));
  }
  if (isObject(value)) {
    for (const name of node.required ?? []) {
      if (!skip.has(name) && value[name] === undefined) problems.push(`${path}.${name} is required`);
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      if (skip.has(name) || value[name] === undefined) continue;
      check(child, value[name], `${path}.${name}`, problems, new Set());
    }
  }
}

/**
 * Type errors of a pushed document against its collection's RxDB schema. The app validates
 * with the same schema before it stores, so a document failing here comes from a broken or
 * hostile client, never from a rep's typing. Sync meta fields are skipped: the central system
 * overwrites them anyway.
 */
export function schemaProblems(collection: CollectionName, doc: unknown): string[] {
  const schema = COLLECTIONS[collection].schema as unknown as SchemaNode;
  const problems: string[] = [];
  check(schema, doc, 'document', problems, new Set<string>(SYNC_META_FIELDS));
  return problems;
}
