import type { ApplicationStatus, ApplicationView, PlacementStatus, SlotState, SlotType } from '@skillbridge/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_STATUS_COLOR,
  PLACEMENT_STATUS_COLOR,
  SLOT_STATE_COLOR,
  SLOT_TYPE_COLOR,
  applicationStatusLabel,
  formatDateTime,
  placementStatusLabel,
  slotStateLabel,
  slotTypeLabel,
} from './labels';

/** The coloured tags of the marketplace's states, the same on every page. */
export function SlotTypeTag({ type }: { type: SlotType }) {
  const { t } = useTranslation();
  return <Tag color={SLOT_TYPE_COLOR[type]}>{slotTypeLabel(t, type)}</Tag>;
}

export function SlotStateTag({ state }: { state: SlotState }) {
  const { t } = useTranslation();
  return (
    <Tag color={SLOT_STATE_COLOR[state]} data-testid="slot-state" data-state={state}>
      {slotStateLabel(t, state)}
    </Tag>
  );
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPLICATION_STATUS_COLOR[status]} data-testid="application-status" data-status={status}>
      {applicationStatusLabel(t, status)}
    </Tag>
  );
}

export function PlacementStatusTag({ status }: { status: PlacementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLACEMENT_STATUS_COLOR[status]} data-testid="placement-status" data-status={status}>
      {placementStatusLabel(t, status)}
    </Tag>
  );
}

/** An application's status, with the day the student must answer by while an offer is open. */
export function ApplicationStatusCell({ application }: { application: Pick<ApplicationView, 'status' | 'respondBy'> }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={2}>
      <ApplicationStatusTag status={application.status} />
      {application.status === 'offered' && application.respondBy && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="sb-nowrap" data-testid="respond-by">
          {t('applications.respondByValue', { date: application.respondBy })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** A day, with the exact time on hover. */
export function DayOf({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>—</>;
  return (
    <Tooltip title={formatDateTime(iso)}>
      <span className="sb-nowrap">{formatDateTime(iso).slice(0, 10)}</span>
    </Tooltip>
  );
}
