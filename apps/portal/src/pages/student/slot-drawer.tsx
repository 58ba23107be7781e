import { SendOutlined } from '@ant-design/icons';
import type { SlotView } from '@skillbridge/contracts';
import { HOLDING_STATUSES, takesStudents } from '@skillbridge/domain';
import { Alert, App, Button, Card, Drawer, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApply, useMyApplicationsToSlot } from '../../api/applications.hooks';
import { ProblemAlert } from '../../components/problem-alert';
import { SlotFacts } from '../../components/slot-facts';
import { ApplicationStatusTag } from '../../components/status-tags';
import { usePanelWidth } from '../../components/use-is-phone';
import { FormDraftNotice } from '../../offline/form-draft-notice';
import { useFormDraft } from '../../offline/use-form-draft';

/** A slot's details for a student, with the application to it (if any) or the form to apply. */
export function SlotDrawer({ slot, onClose }: { slot: SlotView | null; onClose: () => void }) {
  const width = usePanelWidth(640); // the whole window on a phone
  const { t } = useTranslation();
  return (
    <Drawer open={!!slot} onClose={onClose} size={width} title={slot?.title} destroyOnHidden data-testid="slot-drawer">
      {slot && (
        <div className="sb-stack">
          <Typography.Text type="secondary">{slot.enterpriseName}</Typography.Text>
          <SlotFacts slot={slot} column={{ xs: 1, sm: 2 }} showEnterprise={false} />
          {slot.description && (
            <Card size="small" title={t('slot.description')}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{slot.description}</Typography.Paragraph>
            </Card>
          )}
          <ApplyPanel slot={slot} />
        </div>
      )}
    </Drawer>
  );
}

function ApplyPanel({ slot }: { slot: SlotView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ motivation: string }>();
  const mine = useMyApplicationsToSlot(slot.id);
  const applying =
    takesStudents(slot.type) && !mine.isPending && !(mine.data?.items ?? []).some((a) => HOLDING_STATUSES.includes(a.status));
  // The motivation is kept per slot until it is sent: a dropped connection or a closed drawer loses nothing.
  const draft = useFormDraft(applying ? `application:${slot.id}` : null, form);
  const apply = useApply({
    onSuccess: () => {
      draft.clear();
      void message.success(t('apply.sent', { title: slot.title }));
    },
  });

  if (!takesStudents(slot.type)) return <Alert type="info" showIcon title={t('apply.teachersOnly')} />;
  if (mine.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  // The live one if there is one, else the latest: a withdrawn or declined application may be followed by a new one.
  const applications = mine.data?.items ?? [];
  const current = applications.find((a) => HOLDING_STATUSES.includes(a.status));
  if (current) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="already-applied"
        title={
          <Space>
            {t('apply.yourApplication')}
            <ApplicationStatusTag status={current.status} />
          </Space>
        }
        description={<Link to="/applications">{t('apply.seeApplications')}</Link>}
      />
    );
  }

  return (
    <Card size="small" title={t('apply.title')} data-testid="apply-panel">
      <Form
        form={form}
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        onFinish={({ motivation }) => apply.mutate({ slotId: slot.id, motivation: motivation?.trim() || undefined })}
      >
        <FormDraftNotice draft={draft} error={apply.error} />
        <Form.Item
          name="motivation"
          label={t('apply.motivation')}
          extra={t('apply.motivationHint')}
          rules={[{ max: 2000, message: t('validation.length', { min: 0, max: 2000 }) }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('apply.motivationPlaceholder')}
            data-testid="apply-motivation"
          />
        </Form.Item>
        {apply.error && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={apply.error} testId="apply-error" />
          </div>
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={apply.isPending}
          disabled={slot.state !== 'open'}
          data-testid="apply-submit"
        >
          {t('apply.submit')}
        </Button>
      </Form>
    </Card>
  );
}
