import { IsoDate, addDays, daysInclusive, rangesOverlap } from './dates';

export interface StudentProfile {
  major: string;
  skills: string[];
  preferredDistricts: string[];
  /** Date ranges the student already holds (accepted placements). */
  busy: Array<{ startDate: IsoDate; endDate: IsoDate }>;
}

export interface CandidateSlot {
  majors: string[];
  skills: string[];
  district: string;
  startDate: IsoDate;
  endDate: IsoDate;
  capacity: number;
  taken: number;
  applicationDeadline: IsoDate | null;
}

/** Why a slot was recommended: a code the portal translates, with its numbers. */
export type Reason =
  | { code: 'MAJOR_MATCH'; major: string }
  | { code: 'SKILLS_MATCH'; skills: string[] }
  | { code: 'PREFERRED_DISTRICT'; district: string }
  | { code: 'FITS_CALENDAR' }
  | { code: 'CLASHES_WITH_PLACEMENT' }
  | { code: 'SEATS_LEFT'; seatsLeft: number }
  | { code: 'DEADLINE_SOON'; daysLeft: number };

/** One part of the score: the points it earned, out of its weight. */
export interface ScorePart {
  part: keyof typeof WEIGHTS;
  points: number;
  max: number;
}

export interface Recommendation {
  /** 0–100: the sum of the parts. */
  score: number;
  reasons: Reason[];
  /** What the score is made of, every part in WEIGHTS order (0 points when it did not count). */
  parts: ScorePart[];
}

/** How much each part of the fit weighs, out of 100. */
export const WEIGHTS = { major: 40, skills: 25, district: 15, calendar: 10, seats: 10 } as const;

/**
 * How well an open slot fits a student: major first (it decides what they can do), then skills,
 * district, whether the dates are free, and how many seats are left. Pure and explainable: every
 * point comes with a reason the student sees.
 */
export function scoreSlot(student: StudentProfile, slot: CandidateSlot, today: IsoDate): Recommendation {
  const reasons: Reason[] = [];
  const points = { major: 0, skills: 0, district: 0, calendar: 0, seats: 0 };

  if (slot.majors.includes(student.major)) {
    points.major = WEIGHTS.major;
    reasons.push({ code: 'MAJOR_MATCH', major: student.major });
  }

  const wanted = new Set(slot.skills);
  const matched = [...new Set(student.skills)].filter((skill) => wanted.has(skill));
  if (matched.length > 0) {
    points.skills = Math.round((WEIGHTS.skills * matched.length) / Math.max(wanted.size, 1));
    reasons.push({ code: 'SKILLS_MATCH', skills: matched });
  }

  if (student.preferredDistricts.includes(slot.district)) {
    points.district = WEIGHTS.district;
    reasons.push({ code: 'PREFERRED_DISTRICT', district: slot.district });
  }

  if (student.busy.some((range) => rangesOverlap(range.startDate, range.endDate, slot.startDate, slot.endDate))) {
    reasons.push({ code: 'CLASHES_WITH_PLACEMENT' });
  } else {
    points.calendar = WEIGHTS.calendar;
    reasons.push({ code: 'FITS_CALENDAR' });
  }

  const seatsLeft = Math.max(slot.capacity - slot.taken, 0);
  if (seatsLeft > 0) {
    // More seats, better odds; saturates at five.
    points.seats = Math.round((WEIGHTS.seats * Math.min(seatsLeft, 5)) / 5);
    reasons.push({ code: 'SEATS_LEFT', seatsLeft });
  }

  // ISO dates compare as strings: the day count is worked out only for the few deadlines this week.
  const deadline = slot.applicationDeadline;
  if (deadline && deadline >= today && deadline <= aWeekFrom(today)) {
    reasons.push({ code: 'DEADLINE_SOON', daysLeft: daysInclusive(today, deadline) - 1 });
  }

  const parts = (Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).map((part) => ({ part, points: points[part], max: WEIGHTS[part] }));
  const score = parts.reduce((sum, part) => sum + part.points, 0);
  return { score: Math.min(score, 100), reasons, parts };
}

/** today + 7 days, kept for the last `today` asked: a student's candidates are scored against one day. */
let week: { from: IsoDate; to: IsoDate } | null = null;
function aWeekFrom(today: IsoDate): IsoDate {
  if (week?.from !== today) week = { from: today, to: addDays(today, 7) };
  return week.to;
}
