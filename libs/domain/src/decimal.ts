/**
 * Exact decimal arithmetic for the year's rates ("0.02", "0.10"): rates are policy numbers and
 * must never pick up binary floating-point error (ceil(0.07 × 100) must be 7, not 8).
 */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): Fraction {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`'${text}' is not a non-negative decimal number`);
  const fraction = match[2] ?? '';
  return {
    numerator: BigInt(match[1] + fraction),
    denominator: 10n ** BigInt(fraction.length),
  };
}

/** ceil(rate × n) for a decimal rate and a whole n ≥ 0. */
export function ceilTimes(rate: string, n: number): number {
  assertWhole(n);
  const { numerator, denominator } = parseDecimal(rate);
  const product = numerator * BigInt(n);
  return Number((product + denominator - 1n) / denominator);
}

/** floor(rate × n) for a decimal rate and a whole n ≥ 0. */
export function floorTimes(rate: string, n: number): number {
  assertWhole(n);
  const { numerator, denominator } = parseDecimal(rate);
  return Number((numerator * BigInt(n)) / denominator);
}

/** a ≥ rate × b, exactly, for non-negative decimals a and b written as strings or whole numbers. */
export function atLeastShareOf(a: string | number, rate: string, b: string | number): boolean {
  const x = parseDecimal(String(a));
  const r = parseDecimal(rate);
  const y = parseDecimal(String(b));
  // x.n/x.d >= (r.n/r.d)(y.n/y.d)  <=>  x.n · r.d · y.d >= r.n · y.n · x.d
  return x.numerator * r.denominator * y.denominator >= r.numerator * y.numerator * x.denominator;
}

/** rate × amount in yuan, rounded up to the fen ("0.80" × "4500" → "3600.00"): the least amount that meets the share. */
export function shareOfMoney(rate: string, amount: string): string {
  const r = parseDecimal(rate);
  const a = parseDecimal(amount);
  const denominator = r.denominator * a.denominator;
  const fen = (r.numerator * a.numerator * 100n + denominator - 1n) / denominator;
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

/** A decimal rate as a percentage, exactly ("0.80" → "80", "0.125" → "12.5"). */
export function percentOf(rate: string): string {
  const { numerator, denominator } = parseDecimal(rate);
  const scaled = numerator * 100n;
  const whole = scaled / denominator;
  let rest = scaled % denominator;
  if (rest === 0n) return String(whole);
  let digits = '';
  while (rest !== 0n && digits.length < 6) {
    rest *= 10n;
    digits += String(rest / denominator);
    rest %= denominator;
  }
  return `${whole}.${digits}`;
}

function assertWhole(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${n} is not a whole number ≥ 0`);
}
