import { PlusOutlined } from '@ant-design/icons';
import type { VerificationStatus } from '@skillbridge/contracts';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { EnterpriseTable } from '../enterprise/enterprise-table';
import { SchoolTable } from '../school/school-table';
import { CreateSchoolDialog } from './create-school-dialog';
import { PendingEnterprises } from './pending-enterprises';

/** A tab per verification state of the enterprises, and the schools. */
type PlatformTab = VerificationStatus | 'schools';

/** Onboarding: the enterprises waiting for verification (verify or refuse with a reason), the verified and refused ones, and the schools. */
export default function PlatformAdminHome() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<PlatformTab>('unverified');
  const [creatingSchool, setCreatingSchool] = useState(false);

  return (
    <div data-testid="home-platform_admin">
      <PageTitle
        title={t('platform.title')}
        subtitle={t('platform.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingSchool(true)} data-testid="create-school">
            {t('platform.createSchool')}
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as PlatformTab)}
          destroyOnHidden
          items={[
            { key: 'unverified', label: t('platform.unverifiedEnterprises'), children: <PendingEnterprises /> },
            {
              key: 'verified',
              label: t('platform.verifiedEnterprises'),
              children: <EnterpriseTable verification="verified" testId="verified-enterprises" />,
            },
            {
              key: 'refused',
              label: t('platform.refusedEnterprises'),
              children: <EnterpriseTable verification="refused" testId="refused-enterprises" hide={['requiredIntake']} />,
            },
            { key: 'schools', label: t('platform.schools'), children: <SchoolTable /> },
          ]}
        />
      </Card>
      <CreateSchoolDialog
        open={creatingSchool}
        onClose={() => setCreatingSchool(false)}
        onCreated={() => {
          setCreatingSchool(false);
          setTab('schools');
        }}
      />
    </div>
  );
}
