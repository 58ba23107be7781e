import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { lanzhouYear, yearChoices } from './figures';

/** The year a dashboard shows: a few around this year, plus any the address asked for. */
export function YearSelect({ year, onChange, testId }: { year: number; onChange: (year: number) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Select<number>
      value={year}
      onChange={onChange}
      style={{ width: 130 }}
      options={yearChoices(lanzhouYear(), [year]).map((y) => ({ value: y, label: t('common.yearValue', { year: y }) }))}
      aria-label={t('common.year')}
      data-testid={testId}
    />
  );
}
