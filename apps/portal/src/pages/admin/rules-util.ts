import { RATE_RULES, type RuleName } from '@skillbridge/contracts';

/** Whether the rule is a rate (a share 0–1 kept as a decimal string) rather than a whole number. */
export const isRate = (rule: RuleName): boolean => (RATE_RULES as readonly string[]).includes(rule);

/**
 * A rate as the percentage the admin edits ("0.025" → "2.5"), exactly: by moving the decimal point,
 * never through binary floating point.
 */
export function percentFromRate(rate: string): string {
  const [whole, fraction = ''] = rate.trim().split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const point = whole.length + 2;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${integer}.${rest}` : integer;
}

/** A percentage the admin typed as the rate the API keeps ("2.5" → "0.025"); null when it is no percentage 0–100 with ≤ 2 decimals. */
export function rateFromPercent(percent: string): string | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!match) return null;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (Number(whole) > 100 || (Number(whole) === 100 && /[1-9]/.test(fraction))) return null;
  const digits = whole.padStart(3, '0') + fraction; // at least "0" + two digits before the rate's point
  const integer = digits.slice(0, digits.length - 2 - fraction.length).replace(/^0+(?=\d)/, '') || '0';
  const decimals = digits.slice(digits.length - 2 - fraction.length).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}
