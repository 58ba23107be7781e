import { ageOn, IsoDate } from './dates';
import { DomainError, numericRefusal } from './errors';
import { YearRules } from './rules';
import { SlotType } from './slot-rules';

export interface Applicant {
  dateOfBirth: IsoDate;
  /** The calendar year the student enrolled (the school year starts in September). */
  enrolmentYear: number;
}

export interface OpenSlot {
  type: SlotType;
  state: 'draft' | 'open' | 'closed' | 'cancelled';
  startDate: IsoDate;
  applicationDeadline: IsoDate | null;
}

/** The student's year of study on a date: 1 until the September after enrolment, and so on. */
export function yearOfStudy(enrolmentYear: number, on: IsoDate): number {
  const [year, month] = on.split('-').map(Number);
  return year - enrolmentYear + (month >= 9 ? 1 : 0);
}

/** Whether a student may apply to a slot today; throws the first reason they may not. */
export function checkCanApply(rules: YearRules, student: Applicant, slot: OpenSlot, today: IsoDate): void {
  if (slot.type === 'teacher_practice')
    throw new DomainError('WRONG_SLOT_TYPE', 'unprocessable', 'Teacher practice slots are booked by teachers');
  if (slot.state !== 'open') throw new DomainError('SLOT_NOT_OPEN', 'conflict', 'The slot is not open for applications');
  if (slot.applicationDeadline && today > slot.applicationDeadline)
    throw new DomainError('DEADLINE_PASSED', 'conflict', 'The application deadline has passed');
  if (today > slot.startDate) throw new DomainError('DEADLINE_PASSED', 'conflict', 'The slot has already started');
  // Reg. 2021 Art. 16: at least 16 on the start date.
  const age = ageOn(student.dateOfBirth, slot.startDate);
  if (age < rules.minimumInternAge) {
    throw numericRefusal('UNDER_MINIMUM_AGE', 'unprocessable', `Interns must be at least ${rules.minimumInternAge} on the start date`, {
      minimumAge: rules.minimumInternAge,
      age,
      startDate: slot.startDate,
    });
  }
  // …and no first-year students in post internships (apprenticeships enrol jointly from year one).
  if (slot.type === 'internship' && yearOfStudy(student.enrolmentYear, slot.startDate) <= 1) {
    throw new DomainError('FIRST_YEAR_STUDENT', 'unprocessable', 'First-year students cannot take a post internship');
  }
}
