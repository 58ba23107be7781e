import type { QuotaStatus } from '@skillbridge/contracts';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS } from '../../components/figures';

/** 已达标 · 进度正常 · 有风险 · 落后: the same colour on every tag, card and chart. */
export const QUOTA_STATUS_COLOR: Record<QuotaStatus, string> = {
  met: CHART_COLORS.green,
  on_track: CHART_COLORS.blue,
  at_risk: CHART_COLORS.amber,
  behind: CHART_COLORS.red,
};

export const quotaStatusLabel = (t: TFunction, status: QuotaStatus) => t(`quotas.status.${status}`);

export function QuotaStatusTag({ status }: { status: QuotaStatus }) {
  const { t } = useTranslation();
  return (
    // Dark text framed in the status colour: white on the chart colours is below WCAG AA contrast.
    <Tag
      style={{ color: '#1f2933', background: '#fff', borderColor: QUOTA_STATUS_COLOR[status] }}
      data-testid="quota-status"
      data-status={status}
    >
      {quotaStatusLabel(t, status)}
    </Tag>
  );
}
