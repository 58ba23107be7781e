import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';

/** The marketplace's refusals (shared/api.md), each of which the portal must put in words of its own. */
const MARKETPLACE_CODES = [
  // Posting a slot
  'ENTERPRISE_NOT_VERIFIED',
  'STIPEND_BELOW_FLOOR',
  'STIPEND_REQUIRED',
  'NIGHT_SHIFT_NOT_ALLOWED',
  'HOURS_EXCEEDED',
  'DATES_INVERTED',
  'DEADLINE_AFTER_START',
  'QUOTA_CAP_EXCEEDED',
  'SLOT_PUBLISHED',
  'CAPACITY_BELOW_TAKEN',
  'POST_CAP_EXCEEDED',
  // Registering and verifying an enterprise
  'USCC_VOID',
  'USCC_TAKEN',
  // Applying and answering
  'UNDER_MINIMUM_AGE',
  'FIRST_YEAR_STUDENT',
  'SLOT_NOT_OPEN',
  'DEADLINE_PASSED',
  'ALREADY_APPLIED',
  'WRONG_SLOT_TYPE',
  'RESPOND_BY_PAST',
  'SLOT_FULL',
  'SCHOOL_APPROVAL_REQUIRED',
  'OFFER_EXPIRED',
  'PLACEMENT_OVERLAP',
  'INVALID_TRANSITION',
  // Placements
  'INSURANCE_REQUIRED',
  'GUARDIAN_CONSENT_REQUIRED',
  'DAYS_SERVED_REQUIRED',
  'PLACEMENT_NOT_STARTED',
  'PLACEMENT_NOT_ENDED',
];

describe('problem texts', () => {
  it.each([
    ['zh-CN', zhCN.problem],
    ['en', en.problem],
  ])('%s translates every marketplace refusal', (_, problems) => {
    expect(MARKETPLACE_CODES.filter((code) => !(code in problems))).toEqual([]);
  });
});
