/**
 * Properties of the rule engine over generated catalogs (random rules of every kind between a few
 * offerings, bundles with included and optional components) and generated configurations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfferingDoc } from '../schemas';
import { checkConfiguration, type RuleLine } from './configRules';

const IDS = ['a', 'b', 'c', 'd', 'e'] as const;
const SITES = [undefined, 'hq', 'branch'] as const;
const stamp = { category: 'Test', lifecycleStatus: 'Launched', characteristics: [], prices: [], catalogVersion: 't', updatedAt: 't' };

const targets = fc
  .uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 3 })
  .map((ids) => ids.map((id) => ({ id, name: id.toUpperCase() })));
const relationship = fc.record({
  kind: fc.constantFrom('requires' as const, 'excludes' as const, 'oneOf' as const),
  role: fc.constantFrom('a link', 'one per site'),
  offerings: targets,
});
const component = fc.record({
  offeringId: fc.constantFrom(...IDS),
  min: fc.integer({ min: 0, max: 1 }),
  max: fc.integer({ min: 0, max: 2 }),
});

const catalogArb: fc.Arbitrary<OfferingDoc[]> = fc
  .tuple(
    ...IDS.map(() =>
      fc.record({ relationships: fc.array(relationship, { maxLength: 2 }), components: fc.array(component, { maxLength: 2 }) }),
    ),
  )
  .map((specs) =>
    specs.map((spec, index) => {
      const id = IDS[index] ?? 'a';
      const bundled = spec.components
        .filter((c) => c.offeringId !== id)
        .map((c) => ({ ...c, name: c.offeringId.toUpperCase(), max: Math.max(c.min, c.max) }));
      return {
        ...stamp,
        id,
        name: id.toUpperCase(),
        isBundle: bundled.length > 0,
        relationships: spec.relationships,
        ...(bundled.length > 0 ? { bundledOfferings: bundled } : {}),
      };
    }),
  );

const linesArb: fc.Arbitrary<RuleLine[]> = fc
  .array(fc.record({ offeringId: fc.constantFrom(...IDS), siteId: fc.constantFrom(...SITES) }), { maxLength: 8 })
  .map((lines) =>
    lines.map((line, index) => ({ id: `l${index}`, offeringId: line.offeringId, ...(line.siteId ? { siteId: line.siteId } : {}) })),
  );

const keyed = (lines: RuleLine[], catalog: OfferingDoc[]) =>
  checkConfiguration(lines, catalog)
    .map((v) => `${v.lineId}|${v.rule}|${v.text}`)
    .sort();

describe('configuration rules (properties)', () => {
  it('the order of the lines does not change the violations', () => {
    fc.assert(
      fc.property(
        catalogArb,
        linesArb.chain((lines) =>
          fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })),
        ),
        (catalog, [lines, shuffled]) => {
          expect(keyed(shuffled, catalog)).toEqual(keyed(lines, catalog));
        },
      ),
    );
  });

  it('sites are independent: the whole quote has exactly the violations of its sites checked one by one', () => {
    fc.assert(
      fc.property(catalogArb, linesArb, (catalog, lines) => {
        const perSite = SITES.flatMap((site) =>
          keyed(
            lines.filter((line) => line.siteId === site),
            catalog,
          ),
        );
        expect(keyed(lines, catalog)).toEqual(perSite.sort());
      }),
    );
  });

  it('every violation is about a line of the configuration, and a catalog without rules has none', () => {
    fc.assert(
      fc.property(catalogArb, linesArb, (catalog, lines) => {
        const ids = new Set(lines.map((line) => line.id));
        for (const violation of checkConfiguration(lines, catalog)) expect(ids.has(violation.lineId)).toBe(true);
        const ruleless = catalog.map(({ relationships: _r, bundledOfferings: _b, ...offering }) => offering);
        expect(checkConfiguration(lines, ruleless)).toEqual([]);
      }),
    );
  });

  it('adding what a "requires" rule names at the line\'s site removes that violation', () => {
    fc.assert(
      fc.property(catalogArb, linesArb, (catalog, lines) => {
        for (const violation of checkConfiguration(lines, catalog)) {
          const line = lines.find((l) => l.id === violation.lineId);
          // Rules of one line with the same role read the same: add the targets of each of them.
          const rules = (catalog.find((o) => o.id === line?.offeringId)?.relationships ?? []).filter(
            (r) => r.kind === 'requires' && violation.rule === `${line?.offeringId.toUpperCase()} requires ${r.role}`,
          );
          if (!line || rules.length === 0) continue;
          const added = rules
            .flatMap((r) => r.offerings)
            .map((target, index) => ({ id: `added-${index}`, offeringId: target.id, ...(line.siteId ? { siteId: line.siteId } : {}) }));
          const after = checkConfiguration([...lines, ...added], catalog);
          expect(after.some((v) => v.lineId === line.id && v.rule === violation.rule)).toBe(false);
        }
      }),
    );
  });
});
