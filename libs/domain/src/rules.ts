import { RULE_NAMES, type RuleDifference } from '@skillbridge/contracts';
import { ceilTimes, floorTimes, parseDecimal } from './decimal';

/**
 * The numbers of `shared/domain.md` §2 for one year. They are configuration (`rules/<year>`),
 * edited by the platform admin; these defaults are the 2021 plan's and the 2021 Regulations'.
 * Rates are exact decimal strings.
 */
export interface YearRules {
  year: number;
  /** §13: each enterprise hosts interns equal to 2 % of its staff a year. */
  internIntakeRate: string;
  /** Reg. 2016 Art. 9: at most 10 % of an enterprise's staff are interns at once. */
  enterpriseInternCapRate: string;
  /** …and at most 20 % of one post's staff. */
  postInternCapRate: string;
  /** Reg. 2021 Art. 16: interns are at least 16 on the start date. */
  minimumInternAge: number;
  /** Reg. 2021 Art. 18: stipend ≥ 80 % of the same post's wage. */
  stipendFloorRate: string;
  /** Reg.: no more than 8 hours a day. */
  maxDailyHours: number;
  /** Reg.: a post internship lasts about 6 months (a warning, not a limit). */
  postInternshipMonths: number;
  /** §12: one practice booking is a month. */
  practiceBookingDays: number;
  /** §12: a teacher practises ≥ 1 month (30 days) every year. */
  practiceDaysRequired: number;
  /** §12: ≥ 60 % of specialty-course teachers are dual-qualified (双师型). */
  dualQualifiedTarget: string;
}

export const DEFAULT_RULES: Omit<YearRules, 'year'> = {
  internIntakeRate: '0.02',
  enterpriseInternCapRate: '0.10',
  postInternCapRate: '0.20',
  minimumInternAge: 16,
  stipendFloorRate: '0.80',
  maxDailyHours: 8,
  postInternshipMonths: 6,
  practiceBookingDays: 30,
  practiceDaysRequired: 30,
  dualQualifiedTarget: '0.60',
};

export const defaultRulesFor = (year: number): YearRules => ({ year, ...DEFAULT_RULES });

/** §13: the interns an enterprise must host in the year, ceil(rate × headcount). */
export const requiredIntake = (rules: YearRules, employees: number): number => ceilTimes(rules.internIntakeRate, employees);

/** The most interns an enterprise may hold at once, floor(cap rate × headcount). */
export const internCap = (rules: YearRules, employees: number): number => floorTimes(rules.enterpriseInternCapRate, employees);

/** The most interns one post may hold, floor(post cap rate × the post's staff). */
export const postInternCap = (rules: YearRules, postStaff: number): number => floorTimes(rules.postInternCapRate, postStaff);

/** Checks a rules record before it is stored: every rate a decimal in [0, 1]. */
export function rulesProblems(rules: YearRules): string[] {
  const problems: string[] = [];
  const rates = ['internIntakeRate', 'enterpriseInternCapRate', 'postInternCapRate', 'stipendFloorRate', 'dualQualifiedTarget'] as const;
  for (const key of rates) {
    try {
      const { numerator, denominator } = parseDecimal(rules[key]);
      if (numerator > denominator) problems.push(`${key} must be at most 1`);
    } catch {
      problems.push(`${key} must be a decimal such as 0.02`);
    }
  }
  return problems;
}

/** Two decimals written differently but equal ("0.1" and "0.10"); text that is no decimal compares as text. */
function sameNumber(a: string | number, b: string | number): boolean {
  try {
    const x = parseDecimal(String(a));
    const y = parseDecimal(String(b));
    return x.numerator * y.denominator === y.numerator * x.denominator;
  } catch {
    return String(a) === String(b);
  }
}

/**
 * What a save of the rules changes, rule by rule in the order of `RULE_NAMES`: shown to the platform
 * admin before the save and kept in the rules' history after it. Equal numbers written differently
 * ("0.1" for "0.10") are no change.
 */
export function ruleChanges(before: Omit<YearRules, 'year'>, after: Omit<YearRules, 'year'>): RuleDifference[] {
  return RULE_NAMES.filter((rule) => !sameNumber(before[rule], after[rule])).map((rule) => ({
    rule,
    before: before[rule],
    after: after[rule],
  }));
}
