import { APPLICATION_STATUSES, type ApplicationStatus } from '@skillbridge/contracts';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicationStatusLabel } from './labels';

export type ApplicationFilter = ApplicationStatus | 'all';

const FILTERS: ApplicationFilter[] = ['all', ...APPLICATION_STATUSES];

/** The status filter above every list of applications (the enterprise's, the student's, the school's). */
export function ApplicationStatusFilter({ value, onChange }: { value: ApplicationFilter; onChange: (value: ApplicationFilter) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented<ApplicationFilter>
      style={{ marginBottom: 16 }}
      value={value}
      onChange={onChange}
      options={FILTERS.map((status) => ({ value: status, label: status === 'all' ? t('common.all') : applicationStatusLabel(t, status) }))}
    />
  );
}
