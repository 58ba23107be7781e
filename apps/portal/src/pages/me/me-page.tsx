import { Avatar, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyAccount } from '../../api/auth.hooks';
import { authorityLabel, districtLabel, roleLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';

/** `GET /me`: who the portal thinks you are, for every role. */
export default function MePage() {
  const { t } = useTranslation();
  const me = useMyAccount();

  return (
    <div data-testid="me-page">
      <PageTitle title={t('me.title')} subtitle={t('me.subtitle')} />
      <QueryState query={me}>
        {(user) => (
          <Card>
            <Space size="large" align="center" style={{ marginBottom: 24 }}>
              <Avatar size={64} style={{ backgroundColor: '#2b6cb0', fontSize: 28 }}>
                {user.name.slice(0, 1)}
              </Avatar>
              <div>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {user.name}
                </Typography.Title>
                <Space size={4} wrap>
                  <Tag color="blue">{roleLabel(t, user.role)}</Tag>
                  {user.authority && <Tag color="geekblue">{authorityLabel(t, user.authority)}</Tag>}
                </Space>
              </div>
            </Space>
            <Descriptions
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'email', label: t('person.email'), children: user.email },
                { key: 'role', label: t('me.role'), children: roleLabel(t, user.role) },
                { key: 'organisation', label: t('me.organisation'), children: user.organisation?.name ?? t('me.noOrganisation') },
                {
                  key: 'organisationKind',
                  label: t('me.organisationKind'),
                  children: user.organisation ? t(`organisationKind.${user.organisation.kind}`) : '—',
                },
                {
                  key: 'district',
                  label: t('me.district'),
                  children: user.organisation ? districtLabel(t, user.organisation.district) : '—',
                },
                { key: 'authority', label: t('me.authority'), children: user.authority ? authorityLabel(t, user.authority) : '—' },
                { key: 'locale', label: t('me.locale'), children: t(`language.${user.locale}`) },
                {
                  key: 'id',
                  label: t('me.id'),
                  children: (
                    <Typography.Text copyable code>
                      {user.id}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryState>
    </div>
  );
}
