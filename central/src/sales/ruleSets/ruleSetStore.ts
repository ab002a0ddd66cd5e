/**
 * Rule-set versions on the central system. A publish never changes a version: it adds the next
 * one to `rule_set_versions` and makes it the synced `ruleSets` document, which the reps' apps
 * pull like any reference data. A set seeded after the migration has its version 1 only as the
 * synced document until the next publish records it, so lookups read both.
 */
import { validateRuleSetDraft } from '../../../../shared/leads/ruleSetValidation';
import type { PublishedRuleSet } from '../../../../shared/leads/ruleAdmin';
import type { RuleSetDoc } from '../../../../shared/schemas';
import type { RuleSetVersionRef } from '../../../../shared/schemas/ruleSet.schema';
import type { AuthUser } from '../../platform/auth/users';
import { takeWriteLock, type Db, type Queryable } from '../../platform/db/db';
import { badRequest, HttpError, notFound } from '../../platform/http/errors';
import { changeOf, loadDoc, writeDoc } from '../../platform/sync/docs';
import type { DocChange } from '../../platform/sync/hub';
import { isObject, type JsonObject } from '../../platform/json';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

interface VersionRow extends Record<string, unknown> {
  id: string;
  version: number;
  data: RuleSetDoc;
  published_by: string | null;
}

function published(row: VersionRow): PublishedRuleSet {
  return { ...row.data, publishedBy: row.published_by };
}

/** The current (synced) rule sets, by id. */
export async function currentRuleSets(tx: Queryable): Promise<PublishedRuleSet[]> {
  const rows = await tx.query<{ data: RuleSetDoc; published_by: string | null }>(
    `SELECT s.data, v.published_by FROM sync_docs s
       LEFT JOIN rule_set_versions v ON v.id = s.id AND v.version = (s.data ->> 'version')::int
      WHERE s.collection = 'ruleSets' AND NOT s.deleted ORDER BY s.id`,
  );
  return rows.map((row) => ({ ...row.data, publishedBy: row.published_by }));
}

/** Every version of one set, newest first; undefined for an unknown set. */
export async function ruleSetHistory(tx: Queryable, id: string): Promise<PublishedRuleSet[] | undefined> {
  const current = await loadDoc(tx, 'ruleSets', id);
  if (!current || current.deleted) return undefined;
  const rows = await tx.query<VersionRow>(
    'SELECT id, version, data, published_by FROM rule_set_versions WHERE id = $1 ORDER BY version DESC',
    [id],
  );
  const history = rows.map(published);
  const doc = current.data as unknown as RuleSetDoc;
  if (!history.some((v) => v.version === doc.version)) history.unshift({ ...doc, publishedBy: null });
  return history;
}

function key(ref: RuleSetVersionRef): string {
  return `${ref.id}@${ref.version}`;
}

/** The given versions, those that exist, by `id@version`. */
export async function loadRuleSetVersions(tx: Queryable, refs: readonly RuleSetVersionRef[]): Promise<Map<string, RuleSetDoc>> {
  const ids = [...new Set(refs.map((r) => r.id))];
  if (ids.length === 0) return new Map();
  const history = await tx.query<{ data: RuleSetDoc }>('SELECT data FROM rule_set_versions WHERE id = ANY($1::text[])', [ids]);
  const current = await tx.query<{ data: RuleSetDoc }>(
    `SELECT data FROM sync_docs WHERE collection = 'ruleSets' AND id = ANY($1::text[])`,
    [ids],
  );
  const found = new Map<string, RuleSetDoc>();
  for (const { data } of [...current, ...history]) found.set(key(data), data);
  return found;
}

export { key as ruleSetVersionKey };

export interface Publication {
  ruleSet: PublishedRuleSet;
  change: DocChange;
}

function conflict(reason: string): HttpError {
  return new HttpError(409, 'conflict', reason);
}

/**
 * Publishes the next version of set `id` (a new id starts at version 1 and needs its engine).
 * Refused with every problem when the draft is invalid; a 409 when it was edited from an older
 * version than the newest, so an administrator never overwrites another's publish unseen.
 */
export async function publishRuleSet(db: Db, user: AuthUser, id: string, body: unknown): Promise<Publication> {
  if (!ID_PATTERN.test(id))
    throw badRequest(`Rule set id "${id}" must be 1 to 40 lowercase letters, digits or dashes, starting with a letter or digit`);
  if (!isObject(body)) throw badRequest('Send the rule set as a JSON object: engine, name, precedence, guards, rules');
  return db.transaction(async (tx) => {
    await takeWriteLock(tx);
    const stored = await loadDoc(tx, 'ruleSets', id);
    const before = stored && !stored.deleted ? (stored.data as unknown as RuleSetDoc) : undefined;
    const engine = body['engine'] ?? before?.engine;
    if (before && engine !== before.engine) {
      throw badRequest(`Rule set ${id} is a ${before.engine} set; its engine cannot change (publish a new set instead)`);
    }
    const check = validateRuleSetDraft({ ...body, engine });
    if (!check.ok) {
      throw badRequest(
        `The rule set was not published: ${check.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      );
    }
    const basedOn = body['basedOn'];
    if (before && basedOn !== undefined && basedOn !== before.version) {
      throw conflict(
        `Rule set ${id} is at version ${before.version} now (you edited version ${String(basedOn)}); reload it and make your change again`,
      );
    }
    if (!before && basedOn !== undefined) throw notFound(`No rule set ${id} to base a new version on; leave out basedOn to create it`);
    const versions = await tx.query<{ max: number | null }>('SELECT max(version) AS max FROM rule_set_versions WHERE id = $1', [id]);
    const version = Math.max(before?.version ?? 0, Number(versions[0]?.max ?? 0)) + 1;
    const ruleSet: RuleSetDoc = { id, ...check.draft, version, updatedAt: new Date().toISOString() };
    if (before) {
      await tx.query('INSERT INTO rule_set_versions (id, version, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING', [
        id,
        before.version,
        JSON.stringify(before),
      ]);
    }
    await tx.query('INSERT INTO rule_set_versions (id, version, data, published_by) VALUES ($1, $2, $3::jsonb, $4)', [
      id,
      version,
      JSON.stringify(ruleSet),
      user.id,
    ]);
    const written = await writeDoc(tx, { collection: 'ruleSets', id, owner: null, deleted: false, data: ruleSet as unknown as JsonObject });
    return { ruleSet: { ...ruleSet, publishedBy: user.id }, change: changeOf(written) };
  });
}
