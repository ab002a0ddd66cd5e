import { describe, expect, it } from 'vitest';
import { checkConfiguration, configurationRefusal, type RuleLine } from './configRules';
import { RULE_CATALOG } from './ruleCatalog.fixture';

const line = (id: string, offeringId: string, siteId?: string): RuleLine => ({ id, offeringId, ...(siteId ? { siteId } : {}) });
const texts = (lines: RuleLine[]) => checkConfiguration(lines, RULE_CATALOG).map((v) => `${v.lineId}: ${v.text}`);

describe('configuration rules from the catalog', () => {
  it('a static IP needs a fibre access line at the same site, and a fibre line satisfies it', () => {
    expect(texts([line('a', 'ip')])).toEqual(['a: Static IP requires a fibre access line at the same site: add Fibre']);
    expect(texts([line('a', 'ip'), line('b', 'fibre')])).toEqual([]);
    // At another site the fibre does not help.
    expect(texts([line('a', 'ip', 'hq'), line('b', 'fibre', 'branch')])).toHaveLength(1);
  });

  it('two access lines at one site exclude each other; at two sites they do not', () => {
    expect(texts([line('a', 'fibre'), line('b', '5g')])).toEqual([
      'a: Fibre cannot be at the same site as 5G Access (one access line per site): remove one of them or move it to another site',
      'b: 5G Access cannot be at the same site as Fibre (one access line per site): remove one of them or move it to another site',
    ]);
    expect(texts([line('a', 'fibre'), line('b', 'fibre')])).toHaveLength(2);
    expect(texts([line('a', 'fibre', 'hq'), line('b', '5g', 'branch')])).toEqual([]);
  });

  it('one-of needs exactly one access line', () => {
    expect(texts([line('s', 'sdwan')])).toEqual(['s: SD-WAN needs an access line at the same site: add one of Fibre or 5G Access']);
    expect(texts([line('s', 'sdwan'), line('f', '5g')])).toEqual([]);
    const two = checkConfiguration([line('s', 'sdwan'), line('f', 'fibre'), line('g', '5g')], RULE_CATALOG);
    expect(two.filter((v) => v.lineId === 's').map((v) => v.text)).toEqual([
      'SD-WAN takes only one of Fibre or 5G Access at the same site (an access line): remove all but one',
    ]);
  });

  it('a bundle brings the components it includes: its fibre satisfies the static IP and clashes with another access line', () => {
    expect(texts([line('b', 'bundle'), line('i', 'ip')])).toEqual([]);
    expect(texts([line('b', 'bundle'), line('f', 'fibre')]).map((t) => t.slice(0, 3))).toEqual(['b: ', 'f: ']);
    expect(texts([line('b', 'bundle'), line('i', 'ip'), line('j', 'ip')])).toEqual([
      'b: Office Bundle takes at most 1 Static IP at a site; there are 2: remove 1',
    ]);
  });

  it('the central refusal names the line and the rule', () => {
    expect(configurationRefusal('Quote q1', [line('f', 'fibre'), line('a', 'ip'), line('x', 'ip', 'branch')], RULE_CATALOG)).toBe(
      "Quote q1 breaks the catalog's configuration rules: line 3 (Static IP): Static IP requires a fibre access line at the same site: add Fibre",
    );
    expect(configurationRefusal('Quote q1', [line('f', 'fibre'), line('a', 'ip')], RULE_CATALOG)).toBeNull();
  });
});
