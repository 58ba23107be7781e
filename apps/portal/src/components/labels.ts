import {
  APPLICATION_STATUSES,
  AUTHORITIES,
  LANZHOU_DISTRICTS,
  OWNERSHIPS,
  SCHOOL_LEVELS,
  SLOT_STATES,
  SLOT_TYPES,
  type ApplicationStatus,
  type Authority,
  type Channel,
  type Ownership,
  type PlacementStatus,
  type Role,
  type SchoolLevel,
  type SlotState,
  type SlotType,
} from '@skillbridge/contracts';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { numberLocale } from './figures';

/** Translated names of the contract's enumerations, and select options built from them. */
export const ownershipLabel = (t: TFunction, ownership: Ownership) => t(`ownership.${ownership}`);
export const schoolLevelLabel = (t: TFunction, level: SchoolLevel) => t(`schoolLevel.${level}`);
export const authorityLabel = (t: TFunction, authority: Authority) => t(`authority.${authority}`);
export const roleLabel = (t: TFunction, role: Role) => t(`role.${role}`);

export const ownershipOptions = (t: TFunction) => OWNERSHIPS.map((value) => ({ value, label: ownershipLabel(t, value) }));
export const schoolLevelOptions = (t: TFunction) => SCHOOL_LEVELS.map((value) => ({ value, label: schoolLevelLabel(t, value) }));
export const authorityOptions = (t: TFunction) => AUTHORITIES.map((value) => ({ value, label: authorityLabel(t, value) }));

/** District names are data in Chinese; the English UI shows their English names when known. */
export const districtLabel = (t: TFunction, district: string) => t(`district.${district}`, { defaultValue: district });
/** Industries are data in Chinese, named by each enterprise; the English UI shows the English names of the known ones. */
export const industryLabel = (t: TFunction, industry: string | null | undefined) =>
  industry ? t(`industry.${industry}`, { defaultValue: industry }) : '—';
export const districtOptions = (t: TFunction) => LANZHOU_DISTRICTS.map((value) => ({ value, label: districtLabel(t, value) }));

// ——— The marketplace ———

export const slotTypeLabel = (t: TFunction, type: SlotType) => t(`slotType.${type}`);
export const slotStateLabel = (t: TFunction, state: SlotState) => t(`slotState.${state}`);
export const applicationStatusLabel = (t: TFunction, status: ApplicationStatus) => t(`applicationStatus.${status}`);
export const placementStatusLabel = (t: TFunction, status: PlacementStatus) => t(`placementStatus.${status}`);
/** Event kinds of notifications; an unknown (newer) kind shows as it is. */
export const eventKindLabel = (t: TFunction, kind: string) => t(`eventKind.${kind}`, { defaultValue: kind });
export const channelLabel = (t: TFunction, channel: Channel) => t(`channel.${channel}`);

export const slotTypeOptions = (t: TFunction, types: readonly SlotType[] = SLOT_TYPES) =>
  types.map((value) => ({ value, label: slotTypeLabel(t, value) }));
export const slotStateOptions = (t: TFunction) => SLOT_STATES.map((value) => ({ value, label: slotStateLabel(t, value) }));
export const applicationStatusOptions = (t: TFunction) =>
  APPLICATION_STATUSES.map((value) => ({ value, label: applicationStatusLabel(t, value) }));

export const SLOT_TYPE_COLOR: Record<SlotType, string> = { internship: 'blue', apprenticeship: 'purple', teacher_practice: 'cyan' };
export const SLOT_STATE_COLOR: Record<SlotState, string> = { draft: 'default', open: 'success', closed: 'warning', cancelled: 'error' };
export const APPLICATION_STATUS_COLOR: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  shortlisted: 'cyan',
  offered: 'gold',
  accepted: 'success',
  rejected: 'error',
  withdrawn: 'default',
  declined: 'default',
  expired: 'warning',
};
export const PLACEMENT_STATUS_COLOR: Record<PlacementStatus, string> = {
  pending: 'processing',
  active: 'success',
  completed: 'blue',
  terminated: 'error',
};

/** A monthly amount in yuan (a decimal string from the API), e.g. ¥3,000.00; '—' when there is none. */
export function formatYuan(amount: string | null | undefined, language: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  return new Intl.NumberFormat(numberLocale(language), {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(value);
}

/** An ISO timestamp as a local date and time, e.g. 2027-03-01 09:30. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
