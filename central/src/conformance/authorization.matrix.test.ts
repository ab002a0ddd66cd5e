/**
 * The authorization matrix (authorization/matrix.ts) asserted through real HTTP: every role x
 * resource x own/team/outsider cell is one request of that identity against a record its owner
 * made through the API. MATRIX_PRINT=1 prints the observed table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_ENGINE } from '../test/harness';
import { startCentralWithUsers } from '../test/extraUsers';
import type { RunningCentral } from '../test/centralOn';
import { OWNERS, recordsOf, type OwnedRecords, type Owner } from './authorization/fixtures';
import { MATRIX, TARGETS, type Cell, type MatrixRow } from './authorization/matrix';
import type { ProbeContext } from './authorization/probes';
import { openSession, WHO, type Who } from './session';

const PAT = { id: 'user-pat', username: 'pat', displayName: 'Pat Quinn', role: 'rep' as const };

type Observed = Record<Who, string | readonly string[]>;

async function observe(context: ProbeContext, row: MatrixRow): Promise<Observed> {
  const observed = {} as Observed;
  for (const who of WHO) {
    const cell: Cell = row.expect[who];
    observed[who] =
      typeof cell === 'string'
        ? await row.probe(context, who, who)
        : await Promise.all(TARGETS[who].map((target) => row.probe(context, who, target)));
  }
  return observed;
}

const shown = (cell: string | readonly string[]): string => (typeof cell === 'string' ? cell : cell.join(' / '));

function table(rows: readonly { row: MatrixRow; observed: Observed }[]): string {
  const header = ['resource', 'action', ...WHO.map((who) => `${who} (own / team / outsider)`)];
  const lines = rows.map(({ row, observed }) => [row.resource, row.action, ...WHO.map((who) => shown(observed[who]))]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  return [header, ...lines].map((line) => line.map((text, column) => text.padEnd(widths[column] ?? 0)).join(' | ')).join('\n');
}

describe.each(ONE_ENGINE)('authorization matrix on $name', (engine) => {
  let central: RunningCentral;
  let context: ProbeContext;
  const seen: { row: MatrixRow; observed: Observed }[] = [];
  beforeAll(async () => {
    // The probes' hub callbacks point at loopback (nothing listens there), which must be allowed.
    central = await startCentralWithUsers(engine, [PAT], { events: { allowedHosts: ['127.0.0.1'] } });
    const session = await openSession(central.url, ['pat']);
    const records = {} as Record<Owner, OwnedRecords>;
    for (const owner of OWNERS) records[owner] = await recordsOf(session, owner);
    context = { session, records };
  });
  afterAll(async () => {
    if (process.env.MATRIX_PRINT && seen.length > 0) console.log(`authorization matrix on ${engine.name}:\n${table(seen)}`);
    await central?.close();
  });

  it('covers every resource: sync, orders, products, quotes, leads, catalog, hubs, events, device wipes, card authorisations', () => {
    const resources = MATRIX.map((row) => row.resource).join(' ');
    for (const resource of [
      'sync',
      'productOrder',
      'product (TMF637)',
      'quote',
      'salesLead',
      'catalog',
      'hub',
      'events',
      'device wipes',
      'card authorisation',
    ]) {
      expect(resources).toContain(resource);
    }
  });

  for (const row of MATRIX) {
    it(`${row.resource}: ${row.action}`, async () => {
      const observed = await observe(context, row);
      seen.push({ row, observed });
      expect(observed, `\n${table([{ row, observed }])}\nexpected:\n${table([{ row, observed: row.expect }])}`).toEqual(row.expect);
    });
  }
});
