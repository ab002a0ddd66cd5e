import { describe, expect, it } from 'vitest';
import { isBlank, nestedUnder, nodesAt, profileProblems, type ProfileRule } from './profileRules';

describe('conformance profile rules', () => {
  it('treats undefined, null, blank strings and empty arrays as blank, nothing else', () => {
    expect([undefined, null, '', '  ', []].every(isBlank)).toBe(true);
    expect([0, false, 'x', [1], {}].some(isBlank)).toBe(false);
  });

  it('finds nodes through arrays, and through nested items of the same key with *', () => {
    const order = { productOrderItem: [{ id: '1', productOrderItem: [{ id: '1.1', product: { place: [{ role: 'site' }, {}] } }] }] };
    expect(nodesAt(order, 'productOrderItem').map((found) => found.where)).toEqual(['productOrderItem[0]']);
    expect(nodesAt(order, 'productOrderItem*').map((found) => found.where)).toEqual([
      'productOrderItem[0]',
      'productOrderItem[0].productOrderItem[0]',
    ]);
    expect(nodesAt(order, 'productOrderItem*.product.place').map((found) => found.where)).toEqual([
      'productOrderItem[0].productOrderItem[0].product.place[0]',
      'productOrderItem[0].productOrderItem[0].product.place[1]',
    ]);
  });

  it('names the attribute, where it is missing, the condition and the rule', () => {
    const rules: ProfileRule[] = [
      { id: 'R-1', at: 'place', required: ['role'], scope: 'both' },
      { id: 'R-2', at: '', required: ['bundled'], when: (node) => node.isBundle === true, condition: 'isBundle is true', scope: 'both' },
      { id: 'R-3', at: '', empty: ['bundled'], when: (node) => node.isBundle === false, scope: 'both' },
      { id: 'R-4', at: '', required: ['href'], scope: 'response' },
    ];
    expect(profileProblems(rules, { isBundle: true, place: [{ role: 'a' }, { role: '' }] }, 'request')).toEqual([
      'place[1].role is required [R-1]',
      'bundled is required (isBundle is true) [R-2]',
    ]);
    expect(profileProblems(rules, { isBundle: false, bundled: [{}] }, 'response')).toEqual([
      'bundled must be empty [R-3]',
      'href is required [R-4]',
    ]);
    expect(profileProblems(rules, { isBundle: false, href: '/x' }, 'response')).toEqual([]);
  });

  it('repeats rules below nested prefixes with their own ids', () => {
    const nested = nestedUnder(
      ['product'],
      [
        { id: 'R', at: 'place', required: ['role'], scope: 'both' },
        { id: 'S', at: '', required: ['id'], scope: 'both' },
      ],
      '.n',
    );
    expect(nested.map((rule) => [rule.id, rule.at])).toEqual([
      ['R.n1', 'product.place'],
      ['S.n1', 'product'],
    ]);
  });
});
