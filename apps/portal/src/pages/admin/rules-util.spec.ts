import { percentFromRate, rateFromPercent } from './rules-util';

describe('rates shown as percentages', () => {
  it.each([
    ['0.02', '2'],
    ['0.10', '10'],
    ['0.025', '2.5'],
    ['0.8', '80'],
    ['1', '100'],
    ['1.0000', '100'],
    ['0', '0'],
    ['0.0005', '0.05'],
  ])('%s is %s %%', (rate, percent) => expect(percentFromRate(rate)).toBe(percent));

  it.each([
    ['2', '0.02'],
    ['10', '0.1'],
    ['2.5', '0.025'],
    ['80', '0.8'],
    ['100', '1'],
    ['0', '0'],
    ['0.05', '0.0005'],
    ['12.34', '0.1234'],
  ])('%s %% is the rate %s', (percent, rate) => expect(rateFromPercent(percent)).toBe(rate));

  it.each(['', 'abc', '-1', '101', '100.5', '2.345', '1e2'])('refuses %j', (percent) => expect(rateFromPercent(percent)).toBeNull());

  it('goes back and forth without losing a digit', () => {
    for (let basisPoints = 0; basisPoints <= 10_000; basisPoints += 7) {
      const rate = (basisPoints / 10_000).toFixed(4);
      expect(Number(rateFromPercent(percentFromRate(rate)))).toBe(Number(rate));
    }
  });
});
