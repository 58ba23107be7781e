import type { BookingView } from '@skillbridge/contracts';
import { addDays, cancellable, daysInclusive, maxDate, minDate, startedBy } from './practice-util';
import { percentOf, yearChoices } from '../../components/figures';

const booking = (status: BookingView['status'], startDate: string): BookingView => ({
  id: 'b',
  status,
  slot: { id: 's', title: 'slot', enterpriseId: 'e', enterpriseName: 'E' },
  teacher: { id: 't', name: 'T', schoolId: 'sc' },
  startDate,
  endDate: addDays(startDate, 29),
  days: 30,
  daysServed: null,
  evaluation: null,
  createdAt: '2026-11-01T00:00:00.000Z',
});

describe('practice dates', () => {
  it('a month from a start is 30 days inclusive, across month and year ends', () => {
    expect(addDays('2027-04-01', 29)).toBe('2027-04-30');
    expect(addDays('2027-02-15', 29)).toBe('2027-03-16');
    expect(addDays('2026-12-15', 29)).toBe('2027-01-13');
    expect(daysInclusive('2027-04-01', '2027-04-30')).toBe(30);
    expect(daysInclusive('2028-02-01', '2028-03-01')).toBe(30); // a leap year
    expect(daysInclusive('2027-04-01', '2027-04-01')).toBe(1);
  });

  it('orders ISO dates as strings', () => {
    expect(minDate('2027-01-01', '2026-12-31')).toBe('2026-12-31');
    expect(maxDate('2027-01-01', '2026-12-31')).toBe('2027-01-01');
  });
});

describe('booking moves', () => {
  it('a teacher cancels a booked or confirmed practice before its start only', () => {
    expect(cancellable(booking('booked', '2027-04-01'), '2027-03-31')).toBe(true);
    expect(cancellable(booking('confirmed', '2027-04-01'), '2027-03-31')).toBe(true);
    expect(cancellable(booking('confirmed', '2027-04-01'), '2027-04-01')).toBe(false);
    expect(cancellable(booking('completed', '2027-04-01'), '2027-03-01')).toBe(false);
    expect(cancellable(booking('cancelled', '2027-04-01'), '2027-03-01')).toBe(false);
  });

  it('an enterprise completes a practice once it has started', () => {
    expect(startedBy(booking('confirmed', '2027-04-01'), '2027-03-31')).toBe(false);
    expect(startedBy(booking('confirmed', '2027-04-01'), '2027-04-01')).toBe(true);
  });
});

describe('figures', () => {
  it('offers the years around this one and any with data, newest first, once each', () => {
    expect(yearChoices(2026)).toEqual([2027, 2026, 2025, 2024]);
    expect(yearChoices(2026, [2027, 2021])).toEqual([2027, 2026, 2025, 2024, 2021]);
  });

  it('writes a share as a percentage', () => {
    expect(percentOf(0.625, 'en')).toBe('62.5%');
    expect(percentOf(0.6, 'zh-CN')).toBe('60%');
  });
});
