import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { EnterpriseView } from '@skillbridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterprisesApi } from '../../api/enterprises.api';
import { queryKeys } from '../../api/query-keys';
import { PageTitle } from '../../components/page-title';
import { useProblemText } from '../../components/problem-text';
import { EnterpriseTable } from '../enterprise/enterprise-table';
import { SchoolTable } from '../school/school-table';
import { CreateSchoolDialog } from './create-school-dialog';

type PlatformTab = 'unverified' | 'verified' | 'schools';

/** Onboarding: the enterprises waiting for verification, the verified ones, and the schools. */
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
            {
              key: 'unverified',
              label: t('platform.unverifiedEnterprises'),
              children: (
                <EnterpriseTable
                  verification="unverified"
                  testId="unverified-enterprises"
                  // Before verification the quota does not apply yet.
                  hide={['requiredIntake']}
                  action={{ title: t('common.actions'), render: (e) => <VerifyButton enterprise={e} /> }}
                />
              ),
            },
            { key: 'verified', label: t('platform.verifiedEnterprises'), children: <EnterpriseTable verification="verified" testId="verified-enterprises" /> },
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

function VerifyButton({ enterprise }: { enterprise: EnterpriseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => enterprisesApi.verify(enterprise.id),
    onSuccess: (verified) => {
      queryClient.setQueryData(queryKeys.enterprise(verified.id), verified);
      void queryClient.invalidateQueries({ queryKey: queryKeys.enterprisesAll });
      void message.success(t('platform.verified', { name: verified.name }));
    },
    onError: (error) => void message.error(problemText(error)),
  });
  return (
    <Popconfirm
      title={t('platform.verifyConfirmTitle')}
      description={t('platform.verifyConfirm', { name: enterprise.name, uscc: enterprise.uscc })}
      okText={t('platform.verify')}
      cancelText={t('common.cancel')}
      onConfirm={() => verify.mutateAsync()}
    >
      <Button type="primary" size="small" icon={<SafetyCertificateOutlined />} loading={verify.isPending} data-testid={`verify-${enterprise.id}`}>
        {t('platform.verify')}
      </Button>
    </Popconfirm>
  );
}
