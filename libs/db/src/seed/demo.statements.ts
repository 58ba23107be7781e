import { statement } from '../query/statement';

/** The demo's interns this year: students of the 高职 (higher vocational) schools enrolled by `lastEnrolment`, in id order. */
export const HOSTABLE_STUDENTS = statement<[lastEnrolment: number], { user_id: string }>(
  'demo-seed.hostable-students',
  `SELECT s.user_id FROM students s JOIN organisations o ON o.id = s.school_id WHERE o.school_level = 'higher' AND s.enrolment_year <= $1 ORDER BY s.user_id`,
);
