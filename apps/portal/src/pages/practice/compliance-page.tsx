import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/session';
import { SchoolCompliance } from './school-compliance';
import { SchoolsCompliance } from './schools-compliance';
import { lanzhouYear } from '../../components/figures';
import { YearSelect } from '../../components/year-select';
import './practice.css';

/**
 * 实践达标 (§12): a school admin sees their own school's teachers; the education bureau (and the
 * platform admin) every school, and a school's teachers at `/practice-compliance/:schoolId`.
 * The year is in the address (`?year=`), so that it stays when going into a school and back.
 */
export default function CompliancePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { schoolId } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || lanzhouYear();
  const onYear = (next: number) => setParams({ year: String(next) }, { replace: true });
  const yearPicker = <YearSelect year={year} onChange={onYear} testId="compliance-year" />;

  if (me.role === 'school_admin') {
    return <SchoolCompliance schoolId={me.organisationId ?? ''} year={year} yearPicker={yearPicker} />;
  }
  const everySchool = me.role === 'platform_admin' || (me.role === 'bureau_officer' && me.authority === 'EDU');
  if (!everySchool) {
    return <Result status="403" title={t('practice.compliance.eduOnly')} data-testid="compliance-forbidden" />;
  }
  if (schoolId) {
    return (
      <SchoolCompliance
        schoolId={schoolId}
        year={year}
        yearPicker={yearPicker}
        onBack={() => navigate(`/practice-compliance?year=${year}`)}
      />
    );
  }
  return (
    <SchoolsCompliance
      year={year}
      yearPicker={yearPicker}
      onOpen={(id) => navigate(`/practice-compliance/${encodeURIComponent(id)}?year=${year}`)}
    />
  );
}
