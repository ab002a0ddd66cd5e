import { describe, expect, it } from 'vitest';
import { validateRuleSetDraft } from '../../../shared/leads/ruleSetValidation';
import { VISION_RULE_SETS } from '../../../shared/leads/vision.ruleSets';
import { draftFromRuleSet, move, newRule, opOptions, publishBody, withField } from './ruleDraft';

describe('rule-set draft', () => {
  it('turns each Vision set into a draft and back into the same content, based on its version', () => {
    for (const set of VISION_RULE_SETS) {
      const body = publishBody(draftFromRuleSet(set));
      expect(body).toEqual({
        engine: set.engine,
        name: set.name,
        precedence: set.precedence,
        guards: set.guards,
        rules: set.rules,
        basedOn: 1,
      });
      expect(validateRuleSetDraft(body).ok).toBe(true);
    }
  });

  it('reorders rules and keeps what was typed when it does not parse, for the validation to name', () => {
    const [rating] = VISION_RULE_SETS.filter((s) => s.engine === 'rating');
    if (!rating) throw new Error('fixture');
    const draft = draftFromRuleSet(rating);
    const moved = move(draft.rules, 3, -1);
    expect(moved.map((r) => r.name)).toEqual(['Rule 1', 'Rule 2', 'Rule 4', 'Rule 3']);
    expect(move(draft.rules, 0, -1)).toEqual(draft.rules);

    const amount = withField('rating', { field: 'country', op: 'notIn', value: 'US' }, 'purchaseAmount');
    expect(amount).toEqual({ field: 'purchaseAmount', op: 'gte', value: '' });
    const rule = {
      ...newRule('rating', 4),
      conditions: [
        { ...amount, value: 'lots' },
        { field: 'country', op: 'in', value: 'US, , CA' },
      ],
    };
    const body = publishBody({ ...draft, precedence: '1.5', rules: [...moved, rule] });
    expect(body.rules[4]?.conditions).toEqual([
      { field: 'purchaseAmount', op: 'gte', number: 'lots' },
      { field: 'country', op: 'in', values: ['US', 'CA'] },
    ]);
    const check = validateRuleSetDraft(body);
    expect(check.ok ? [] : check.issues.map((i) => i.message)).toEqual([
      'precedence must be a whole number (lower runs first)',
      'Rule 5 ("Rule 5"), condition 1: Purchase amount is compared with a number; enter one (e.g. 50000)',
      'Rule 5 ("Rule 5"): name the rating (e.g. A) a matching lead gets',
    ]);
    expect(opOptions('qualification', 'qualified')).toHaveLength(7);
  });
});
