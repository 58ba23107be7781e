import { AccessLogEntry } from './access-log-entry.entity';
import { Agreement, AgreementSignature, AgreementVersion, GuardianLink, SigningCode } from './agreement.entity';
import { AccountActivation } from './account-activation.entity';
import { Application } from './application.entity';
import { Booking } from './booking.entity';
import { Delivery } from './delivery.entity';
import { PracticeDay } from './practice-day.entity';
import { QuotaYear } from './quota-year.entity';
import { QuotaYearRemoval } from './quota-year-removal.entity';
import { EnterpriseHeadcount } from './enterprise-headcount.entity';
import { Import } from './import.entity';
import { Major, SearchSynonym } from './major.entity';
import { MatchPreference } from './match-preference.entity';
import { MatchRanking } from './match-ranking.entity';
import { MatchRound } from './match-round.entity';
import { MatchRoundSlot } from './match-round-slot.entity';
import { MatchRun } from './match-run.entity';
import { Notification } from './notification.entity';
import { NotificationPreference } from './notification-preference.entity';
import { Organisation } from './organisation.entity';
import { OutboxEvent } from './outbox-event.entity';
import { PasswordReset } from './password-reset.entity';
import { EnterpriseRegistration } from './enterprise-registration.entity';
import { Placement } from './placement.entity';
import { RefreshToken } from './refresh-token.entity';
import { Slot } from './slot.entity';
import { Student } from './student.entity';
import { Teacher } from './teacher.entity';
import { User } from './user.entity';
import { RuleChangeRecord } from './rule-change.entity';
import { YearRulesRecord } from './year-rules.entity';

export * from './access-log-entry.entity';
export * from './agreement.entity';
export * from './account-activation.entity';
export * from './application.entity';
export * from './booking.entity';
export * from './delivery.entity';
export * from './practice-day.entity';
export * from './quota-year.entity';
export * from './quota-year-removal.entity';
export * from './enterprise-headcount.entity';
export * from './import.entity';
export * from './major.entity';
export * from './match-preference.entity';
export * from './match-ranking.entity';
export * from './match-round.entity';
export * from './match-round-slot.entity';
export * from './match-run.entity';
export * from './notification.entity';
export * from './notification-preference.entity';
export * from './organisation.entity';
export * from './outbox-event.entity';
export * from './password-reset.entity';
export * from './enterprise-registration.entity';
export * from './placement.entity';
export * from './refresh-token.entity';
export * from './slot.entity';
export * from './student.entity';
export * from './teacher.entity';
export * from './user.entity';
export * from './rule-change.entity';
export * from './year-rules.entity';

export const ENTITIES = [
  Organisation,
  Major,
  SearchSynonym,
  EnterpriseHeadcount,
  User,
  Student,
  Teacher,
  RefreshToken,
  PasswordReset,
  EnterpriseRegistration,
  YearRulesRecord,
  RuleChangeRecord,
  Slot,
  Application,
  Placement,
  OutboxEvent,
  Notification,
  Delivery,
  NotificationPreference,
  Booking,
  PracticeDay,
  QuotaYear,
  QuotaYearRemoval,
  AccessLogEntry,
  Import,
  AccountActivation,
  MatchRound,
  MatchRoundSlot,
  MatchPreference,
  MatchRanking,
  MatchRun,
  Agreement,
  AgreementVersion,
  AgreementSignature,
  GuardianLink,
  SigningCode,
];
