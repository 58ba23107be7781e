import type { AgreementDraftingProgress } from './agreements';
// ——— 撮合轮次: match rounds ———

export const MATCH_ROUND_STATUSES = ['draft', 'collecting', 'ranking', 'ran', 'published', 'cancelled'] as const;
export type MatchRoundStatus = (typeof MATCH_ROUND_STATUSES)[number];

/** domain §3: a student ranks at most this many slots. */
export const MAX_MATCH_PREFERENCES = 10;

export interface CreateMatchRoundRequest {
  name: string;
  slotIds: string[];
  /** ISO 8601 timestamp with zone, or a date (the end of that day in Lanzhou). */
  preferenceDeadline: string;
  /** Fixes the lotteries of automatic rankings; a random one is recorded when omitted. */
  seed?: string;
}

/** A second round over the seats left and the students left unmatched by a published round. */
export interface SecondRoundRequest {
  name: string;
  preferenceDeadline: string;
  seed?: string;
}

export interface PreferencesRequest {
  /** Most preferred first; at most 10, each a slot of the round, each once. */
  slotIds: string[];
}

export interface RankingRequest {
  /** Best first; only students who listed the slot. Students left out are not acceptable to the slot. */
  studentIds: string[];
}

export interface MatchRoundSlotView {
  id: string;
  title: string;
  type: 'internship' | 'apprenticeship';
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  startDate: string;
  endDate: string;
  majors: string[];
  /** Seats the round may fill. */
  capacity: number;
  /** Seats the slot has left now. */
  seatsLeft: number;
  /** Students who listed it. */
  applicants: number;
  /** Whether its enterprise ranked its applicants by hand (else the round's criteria do). */
  rankedByEnterprise: boolean;
  /** The slot is the asking enterprise's own. */
  mine: boolean;
}

export interface MatchRoundView {
  id: string;
  name: string;
  status: MatchRoundStatus;
  owner: { organisationId: string | null; authority: 'EDU' | null; name: string };
  preferenceDeadline: string;
  /** Recorded with every run; shown to the owner, and to everyone once the round has run. */
  seed: string | null;
  criteria: string[];
  algorithmVersion: string | null;
  parentRoundId: string | null;
  /** A run is queued or running in the worker. */
  running: boolean;
  runError: string | null;
  lastRunId: string | null;
  publishedAt: string | null;
  createdAt: string;
  slotCount: number;
  participants: number;
  /** The asker may open, close, run, publish, cancel it. */
  canManage: boolean;
  /** A student's own list, most preferred first (null: none submitted). */
  myPreferences: string[] | null;
  /** With GET /match-rounds/:id only. */
  slots?: MatchRoundSlotView[];
  /** With GET /match-rounds/:id only: how far the published round's agreements are drafted (null before it publishes). */
  agreementDrafting?: AgreementDraftingProgress | null;
}

export interface MatchFiguresView {
  students: number;
  slots: number;
  seats: number;
  matched: number;
  firstChoice: number;
  unmatched: number;
  /** byChoice[k]: students placed at the (k + 1)-th slot of their list. */
  byChoice: number[];
  excludedPairs: number;
  automaticSlots: number;
  proposals: number;
  blockingPairs: number;
  runMs: number;
}

export interface MatchLineView {
  studentId: string;
  studentName: string;
  slot: { id: string; title: string; enterpriseName: string } | null;
  /** The 1-based place of that slot on the student's list; null when unmatched. */
  choice: number | null;
}

export interface MatchResultView {
  roundId: string;
  runId: string;
  published: boolean;
  seed: string;
  algorithmVersion: string;
  inputsSha256: string;
  stable: boolean;
  blockingPairs: number;
  problems: number;
  /** Whole-round figures: the owner's only. */
  figures: MatchFiguresView | null;
  lines: MatchLineView[];
  totalLines: number;
  ranAt: string;
}

export interface MatchApplicantView {
  studentId: string;
  name: string;
  schoolName: string;
  major: string;
  skills: string[];
  certificates: string[];
}

export interface MatchApplicantsView {
  slotId: string;
  applicants: MatchApplicantView[];
  /** The enterprise's ranking, best first; null when the slot is ranked automatically. */
  ranking: string[] | null;
  /** The automatic order (wanted major, wanted skills, then the round's seeded lottery). */
  suggested: string[];
}
