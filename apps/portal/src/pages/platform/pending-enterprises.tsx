import { CloseCircleOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import type { PendingEnterpriseView } from '@skillbridge/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingEnterprises, useRefuseEnterprise, useVerifyEnterprise } from '../../api/enterprises.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { districtLabel, formatDateTime, industryLabel, ownershipLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { QueryState } from '../../components/query-state';
import { latestHeadcount } from '../enterprise/enterprise-table';
import { formatNumber } from '../../components/figures';

const LIMIT = 10;

/**
 * 待审核企业 — the enterprises awaiting verification, one card each (readable at 390 px): what they
 * stated, and any organisation already holding the same name or credit code, for the verifier to
 * compare before verifying or refusing with a reason the applicant is told.
 */
export function PendingEnterprises() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const query = { cursor: pager.cursor, limit: LIMIT };
  const pending = usePendingEnterprises(query);
  return (
    <div data-testid="pending-enterprises">
      <QueryState query={pending}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={t('platform.pendingEmpty')} data-testid="pending-empty" />
          ) : (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {page.items.map((enterprise) => (
                <PendingCard key={enterprise.id} enterprise={enterprise} />
              ))}
              <CursorPager pager={pager} nextCursor={page.nextCursor} loading={pending.isFetching} />
            </Space>
          )
        }
      </QueryState>
    </div>
  );
}

function PendingCard({ enterprise }: { enterprise: PendingEnterpriseView }) {
  const { t, i18n } = useTranslation();
  const staff = latestHeadcount(enterprise);
  return (
    <Card
      size="small"
      data-testid={`pending-${enterprise.id}`}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {enterprise.name}
        </Typography.Text>
      }
      actions={[<VerifyButton key="verify" enterprise={enterprise} />, <RefuseButton key="refuse" enterprise={enterprise} />]}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'uscc', label: t('enterprise.uscc'), children: <Typography.Text code>{enterprise.uscc}</Typography.Text> },
          { key: 'ownership', label: t('enterprise.ownership'), children: ownershipLabel(t, enterprise.ownership) },
          { key: 'district', label: t('enterprise.district'), children: districtLabel(t, enterprise.district) },
          { key: 'industry', label: t('enterprise.industry'), children: industryLabel(t, enterprise.industry) },
          {
            key: 'headcount',
            label: t('platform.headcount'),
            children: staff ? `${formatNumber(staff.employees, i18n.language)} (${staff.year})` : '—',
          },
          { key: 'registeredAt', label: t('platform.registeredAt'), children: formatDateTime(enterprise.createdAt) },
        ]}
      />
      {enterprise.similar.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          data-testid={`similar-${enterprise.id}`}
          style={{ marginTop: 8 }}
          title={t('platform.similar')}
          description={
            <ul className="sb-field-errors">
              {enterprise.similar.map((o) => (
                <li key={o.id}>
                  <Space wrap size={4}>
                    {o.same.map((what) => (
                      <Tag key={what} color="orange">
                        {t(what === 'name' ? 'platform.sameName' : 'platform.sameUscc')}
                      </Tag>
                    ))}
                    <Typography.Text>{o.name}</Typography.Text>
                    {o.uscc && <Typography.Text code>{o.uscc}</Typography.Text>}
                    <Tag>{t(`verification.${o.verification}`)}</Tag>
                  </Space>
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('platform.noSimilar')}</Typography.Text>
      )}
    </Card>
  );
}

function VerifyButton({ enterprise }: { enterprise: PendingEnterpriseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const verify = useVerifyEnterprise(enterprise.id, {
    onSuccess: (verified) => void message.success(t('platform.verified', { name: verified.name })),
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
      <Button
        type="primary"
        size="small"
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        data-testid={`verify-${enterprise.id}`}
      >
        {t('platform.verify')}
      </Button>
    </Popconfirm>
  );
}

function RefuseButton({ enterprise }: { enterprise: PendingEnterpriseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const refuse = useRefuseEnterprise(enterprise.id, {
    onSuccess: (refused) => {
      setOpen(false);
      void message.success(t('platform.refused', { name: refused.name }));
    },
  });
  return (
    <>
      <Button danger size="small" icon={<CloseCircleOutlined />} onClick={() => setOpen(true)} data-testid={`refuse-${enterprise.id}`}>
        {t('platform.refuse')}
      </Button>
      <Modal
        open={open}
        title={t('platform.refuseTitle', { name: enterprise.name })}
        okText={t('platform.refuse')}
        okButtonProps={{ danger: true, 'data-testid': 'refuse-submit' }}
        confirmLoading={refuse.isPending}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => refuse.mutate(values.reason.trim())}>
          <Form.Item
            name="reason"
            label={t('platform.refuseReason')}
            rules={[{ required: true, whitespace: true, message: t('platform.refuseReasonRequired') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('platform.refuseReasonPlaceholder')}
              data-testid="refuse-reason"
            />
          </Form.Item>
        </Form>
        <ProblemAlert error={refuse.error} />
      </Modal>
    </>
  );
}
