import type { SlotState } from '@skillbridge/contracts';
import { atLeastShareOf, percentOf, shareOfMoney } from './decimal';
import { IsoDate, monthsBetween } from './dates';
import { DomainError, numericRefusal } from './errors';
import { YearRules, internCap, postInternCap } from './rules';

/** 岗位实习 post internship, 现代学徒制 apprenticeship, 教师企业实践 teacher practice. */
export type SlotType = 'internship' | 'apprenticeship' | 'teacher_practice';

export interface SlotTerms {
  type: SlotType;
  startDate: IsoDate;
  endDate: IsoDate;
  capacity: number;
  /** Monthly stipend and the same post's wage, in yuan as decimal strings. */
  stipend: string | null;
  postWage: string | null;
  hoursPerDay: string;
  nightShift: boolean;
  applicationDeadline: IsoDate | null;
}

/** Slots that take students: the national internship rules apply to them. */
export const takesStudents = (type: SlotType): boolean => type === 'internship' || type === 'apprenticeship';

/** A draft or an open slot may be edited; a closed or cancelled one is history. */
export const EDITABLE_SLOT_STATES: SlotState[] = ['draft', 'open'];

/**
 * The rules a slot's own terms must meet (Reg. 2021): pay ≥ 80 % of the post's wage, no night
 * shifts, ≤ 8 hours a day, sensible dates. Throws the first rule broken.
 */
export function checkSlotTerms(rules: YearRules, slot: SlotTerms): void {
  if (slot.endDate < slot.startDate) throw new DomainError('DATES_INVERTED', 'unprocessable', 'The end date is before the start date');
  if (slot.applicationDeadline && slot.applicationDeadline > slot.startDate) {
    throw new DomainError('DEADLINE_AFTER_START', 'unprocessable', 'The application deadline is after the start date');
  }
  if (!takesStudents(slot.type)) return;
  if (slot.stipend === null || slot.postWage === null) {
    throw new DomainError(
      'STIPEND_REQUIRED',
      'unprocessable',
      'An internship or apprenticeship states its monthly stipend and the post’s wage',
    );
  }
  // Reg. 2021 Art. 18: not below 80 % of the same post's wage.
  if (!atLeastShareOf(slot.stipend, rules.stipendFloorRate, slot.postWage)) {
    const floor = shareOfMoney(rules.stipendFloorRate, slot.postWage);
    throw numericRefusal(
      'STIPEND_BELOW_FLOOR',
      'unprocessable',
      `The stipend must be at least ${percent(rules.stipendFloorRate)} of the post’s wage: ${floor} of ${slot.postWage}`,
      {
        floor,
        floorPercent: percentOf(rules.stipendFloorRate),
        floorRate: rules.stipendFloorRate,
        postWage: slot.postWage,
        stipend: slot.stipend,
      },
    );
  }
  if (slot.nightShift) throw new DomainError('NIGHT_SHIFT_NOT_ALLOWED', 'unprocessable', 'Interns may not work night shifts');
  if (!atLeastShareOf(rules.maxDailyHours, '1', slot.hoursPerDay)) {
    throw numericRefusal('HOURS_EXCEEDED', 'unprocessable', `Interns may work at most ${rules.maxDailyHours} hours a day`, {
      maxHours: rules.maxDailyHours,
      hoursPerDay: slot.hoursPerDay,
    });
  }
}

/** Advice, not refusals: shown to the enterprise beside the slot. */
export function slotWarnings(rules: YearRules, slot: SlotTerms): string[] {
  const warnings: string[] = [];
  // Reg.: a post internship lasts about six months.
  if (slot.type === 'internship' && Math.abs(monthsBetween(slot.startDate, slot.endDate) - rules.postInternshipMonths) > 1) {
    warnings.push('POST_INTERNSHIP_LENGTH');
  }
  return warnings;
}

/**
 * Reg. 2016 Art. 9: interns at one enterprise at once ≤ 10 % of its staff. `concurrentSeats` is
 * the most seats its other student slots hold on any day this slot runs.
 */
export function checkInternCap(rules: YearRules, employees: number | null, concurrentSeats: number, capacity: number): void {
  const cap = employees === null ? 0 : internCap(rules, employees);
  if (concurrentSeats + capacity > cap) {
    throw numericRefusal(
      'QUOTA_CAP_EXCEEDED',
      'conflict',
      employees === null
        ? 'State this year’s headcount first: interns are capped at a share of staff'
        : `Interns at one time may be at most ${percent(rules.enterpriseInternCapRate)} of staff (${cap}); ${concurrentSeats} seats are already offered over these dates`,
      { cap, capPercent: percentOf(rules.enterpriseInternCapRate), employees, concurrentSeats, capacity },
    );
  }
}

/**
 * Reg. 2016 Art. 9 (kept as practice): interns in one post (岗位 — the slot) ≤ 20 % of that post's
 * staff. Applies when the enterprise states the post's staff; a slot that does not is held to the
 * enterprise-wide cap alone.
 */
export function checkPostCap(rules: YearRules, postStaff: number | null, capacity: number): void {
  if (postStaff === null) return;
  const cap = postInternCap(rules, postStaff);
  if (capacity > cap) {
    throw numericRefusal(
      'POST_CAP_EXCEEDED',
      'conflict',
      `Interns in one post may be at most ${percent(rules.postInternCapRate)} of its staff (${cap} of ${postStaff}); this slot offers ${capacity} seats`,
      { cap, capPercent: percentOf(rules.postInternCapRate), postStaff, capacity },
    );
  }
}

/**
 * A slot's capacity cannot fall below the seats already taken. CAPACITY_BELOW_TAKEN
 */
export function checkCapacityNotBelowTaken(capacity: number, taken: number): void {
  if (capacity < taken) {
    throw numericRefusal('CAPACITY_BELOW_TAKEN', 'conflict', `${taken} seats are already taken`, { taken, capacity });
  }
}

const percent = (rate: string): string => `${percentOf(rate)} %`;
