import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { authorityLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { EnterpriseTable } from '../enterprise/enterprise-table';
import { SchoolTable } from '../school/school-table';

/**
 * A bureau's remit (§13): 工信局 sees every enterprise but the municipal SOEs, 国资委 the municipal
 * SOEs, 教育局 the schools. The API decides the remit; this page only shows it.
 */
export default function BureauOfficerHome() {
  const { t } = useTranslation();
  const me = useMe();
  const authority = me.authority ?? 'MIIT';
  const education = authority === 'EDU';

  return (
    <div data-testid="home-bureau_officer">
      <PageTitle
        title={t(education ? 'bureau.schoolsTitle' : 'bureau.enterprisesTitle', { authority: authorityLabel(t, authority) })}
        subtitle={t(`bureau.remit.${authority}`)}
      />
      <Card>{education ? <SchoolTable /> : <EnterpriseTable />}</Card>
    </div>
  );
}
