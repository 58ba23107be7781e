import { APPLICATION_STATUSES, type ApplicationStatus } from '@skillbridge/contracts';
import { Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicationStatusLabel } from './labels';
import { useIsPhone } from './use-is-phone';

export type ApplicationFilter = ApplicationStatus | 'all';

const FILTERS: ApplicationFilter[] = ['all', ...APPLICATION_STATUSES];

/** The status filter above every list of applications (the enterprise's, the student's, the school's). */
export function ApplicationStatusFilter({ value, onChange }: { value: ApplicationFilter; onChange: (value: ApplicationFilter) => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const options = FILTERS.map((status) => ({
    value: status,
    label: status === 'all' ? t('common.all') : applicationStatusLabel(t, status),
  }));
  // Ten statuses side by side are 600 px wide: a phone picks from a list.
  return isPhone ? (
    <Select<ApplicationFilter>
      style={{ marginBottom: 16, width: '100%' }}
      aria-label={t('common.statusFilter')}
      value={value}
      onChange={onChange}
      options={options}
    />
  ) : (
    <Segmented<ApplicationFilter> style={{ marginBottom: 16 }} value={value} onChange={onChange} options={options} />
  );
}
