import fc from 'fast-check';
import { atLeastShareOf, ceilTimes } from './decimal';
import { RATE_RULES, RULE_NAMES } from '@skillbridge/contracts';
import { DEFAULT_RULES, defaultRulesFor, internCap, requiredIntake, ruleChanges, rulesProblems } from './rules';

describe('the year rules', () => {
  const rules = defaultRulesFor(2026);

  it('requires 2 % of staff, rounded up (§13)', () => {
    expect(requiredIntake(rules, 0)).toBe(0);
    expect(requiredIntake(rules, 1)).toBe(1);
    expect(requiredIntake(rules, 50)).toBe(1);
    expect(requiredIntake(rules, 51)).toBe(2);
    expect(requiredIntake(rules, 1200)).toBe(24);
  });

  it('caps concurrent interns at 10 % of staff, rounded down', () => {
    expect(internCap(rules, 9)).toBe(0);
    expect(internCap(rules, 1200)).toBe(120);
    expect(internCap(rules, 1209)).toBe(120);
  });

  it('computes exactly where binary floating point would not', () => {
    // 0.07 × 100 is 7.000000000000001 in floating point; ceil would give 8.
    expect(Math.ceil(0.07 * 100)).toBe(8);
    expect(ceilTimes('0.07', 100)).toBe(7);
    expect(atLeastShareOf(60, '0.60', 100)).toBe(true);
    expect(atLeastShareOf(59, '0.60', 100)).toBe(false);
  });

  it('agrees with the definition of ceiling for every rate and headcount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), (basisPoints, n) => {
        const rate = (basisPoints / 10_000).toFixed(4);
        const required = ceilTimes(rate, n);
        // required is the least whole number with required × 10000 ≥ basisPoints × n
        expect(required * 10_000).toBeGreaterThanOrEqual(basisPoints * n);
        if (required > 0) expect((required - 1) * 10_000).toBeLessThan(basisPoints * n);
      }),
    );
  });

  it('refuses rates that are not decimals in [0, 1]', () => {
    expect(rulesProblems(rules)).toEqual([]);
    expect(rulesProblems({ ...rules, internIntakeRate: '2%' })).toEqual(['internIntakeRate must be a decimal such as 0.02']);
    expect(rulesProblems({ ...rules, dualQualifiedTarget: '1.5' })).toEqual(['dualQualifiedTarget must be at most 1']);
  });
});

describe('what a save of the rules changes', () => {
  it('lists each changed number once, in the order of the rules, with its old and new value', () => {
    const after = { ...DEFAULT_RULES, internIntakeRate: '0.03', maxDailyHours: 7 };
    expect(ruleChanges(DEFAULT_RULES, after)).toEqual([
      { rule: 'internIntakeRate', before: '0.02', after: '0.03' },
      { rule: 'maxDailyHours', before: 8, after: 7 },
    ]);
  });

  it('sees no change in a rate written with another number of decimals', () => {
    expect(ruleChanges(DEFAULT_RULES, { ...DEFAULT_RULES, enterpriseInternCapRate: '0.1', dualQualifiedTarget: '0.6000' })).toEqual([]);
  });

  it('finds every single change, whichever rule it is', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_NAMES), (rule) => {
        const value = RATE_RULES.includes(rule as (typeof RATE_RULES)[number]) ? '0.5' : 13;
        const changes = ruleChanges(DEFAULT_RULES, { ...DEFAULT_RULES, [rule]: value });
        expect(changes).toEqual([{ rule, before: DEFAULT_RULES[rule], after: value }]);
      }),
    );
  });
});
