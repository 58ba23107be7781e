import { CheckCircleOutlined, CheckOutlined } from '@ant-design/icons';
import type { BookingStatus, BookingView } from '@skillbridge/contracts';
import { App, Badge, Button, Card, Form, Input, InputNumber, Modal, Space, Tabs, Tooltip, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompleteBookingRequest } from '../../api/practice.api';
import { useBookings, useCompleteBooking, useConfirmBooking } from '../../api/practice.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { FormDraftNotice } from '../../offline/form-draft-notice';
import { useFormDraft } from '../../offline/use-form-draft';
import { PageTitle } from '../../components/page-title';
import { bookingColumns } from './booking-columns';
import { PracticeProblemAlert, usePracticeProblemText } from './practice-problem';
import { startedBy } from './practice-util';
import { lanzhouToday } from '../../components/figures';
import { ResponsiveTable } from '../../components/responsive-table';

/** A tab per state the supervisor acts on or looks back at; cancelled bookings show under all. */
type TabKey = Exclude<BookingStatus, 'cancelled'> | 'all';
const TABS: TabKey[] = ['booked', 'confirmed', 'completed', 'all'];

/** 教师实践预约: the enterprise confirms teachers' bookings and, once a practice has begun, records the days served. */
export default function EnterpriseBookingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = usePracticeProblemText();
  const today = lanzhouToday();
  const [tab, setTab] = useState<TabKey>('booked');
  const [completing, setCompleting] = useState<BookingView | null>(null);
  const bookings = useBookings();
  const all = bookings.data ?? [];
  const count = (status: BookingStatus) => all.filter((b) => b.status === status).length;
  const shown = tab === 'all' ? all : all.filter((b) => b.status === tab);

  const confirm = useConfirmBooking({
    onSuccess: (b) => void message.success(t('practice.enterprise.confirmed', { name: b.teacher.name })),
    onError: (error) => void message.error(problemText(error)),
  });

  const columns: ColumnsType<BookingView> = [
    {
      key: 'teacher',
      title: t('practice.booking.teacher'),
      width: 130,
      render: (_, b) => <Typography.Text strong>{b.teacher.name}</Typography.Text>,
    },
    { key: 'slot', title: t('practice.booking.slot'), render: (_, b) => b.slot.title },
    ...bookingColumns(t),
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      fixed: 'right',
      render: (_, b) => {
        if (b.status === 'booked') {
          return (
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              loading={confirm.isPending && confirm.variables === b.id}
              onClick={() => confirm.mutate(b.id)}
              data-testid="confirm-booking"
            >
              {t('practice.enterprise.confirm')}
            </Button>
          );
        }
        if (b.status === 'confirmed') {
          const started = startedBy(b, today);
          return (
            <Tooltip title={started ? undefined : t('practice.enterprise.notStarted', { start: b.startDate })}>
              <Button
                size="small"
                icon={<CheckCircleOutlined />}
                disabled={!started}
                onClick={() => setCompleting(b)}
                data-testid="complete-booking"
              >
                {t('practice.enterprise.complete')}
              </Button>
            </Tooltip>
          );
        }
        return null;
      },
    },
  ];

  return (
    <div data-testid="practice-bookings-page">
      <PageTitle title={t('practice.enterprise.title')} subtitle={t('practice.enterprise.subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          items={TABS.map((key) => ({
            key,
            label: (
              <Space size={6} data-testid={`bookings-tab-${key}`}>
                {t(`practice.enterprise.tab.${key}`)}
                <Badge
                  count={key === 'all' ? all.length : count(key)}
                  showZero
                  color={key === 'booked' && count('booked') > 0 ? '#dd6b20' : '#a0aec0'}
                />
              </Space>
            ),
          }))}
        />
        {bookings.error && <PracticeProblemAlert error={bookings.error} />}
        <ResponsiveTable<BookingView>
          data-testid="practice-bookings"
          rowKey="id"
          size="middle"
          loading={bookings.isFetching}
          dataSource={shown}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1080 }}
          columns={columns}
          locale={{ emptyText: t(`practice.enterprise.empty.${tab}`) }}
        />
      </Card>
      <CompleteBookingDialog booking={completing} onClose={() => setCompleting(null)} />
    </div>
  );
}

/** `POST /bookings/:id/complete`: the days the teacher actually served, and the supervisor's evaluation. */
function CompleteBookingDialog({ booking, onClose }: { booking: BookingView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompleteBookingRequest>();
  // The supervisor's evaluation is kept as a draft until it is sent.
  const draft = useFormDraft(booking ? `booking-evaluation:${booking.id}` : null, form);
  const complete = useCompleteBooking({
    onSuccess: (b) => {
      draft.clear();
      void message.success(t('practice.enterprise.completed', { name: b.teacher.name, days: b.daysServed ?? 0 }));
      onClose();
    },
  });
  return (
    <Modal
      open={!!booking}
      title={t('practice.enterprise.completeTitle', { name: booking?.teacher.name ?? '' })}
      okText={t('practice.enterprise.complete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'complete-submit' } as ButtonProps}
      confirmLoading={complete.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      afterOpenChange={(open) => open && complete.reset()}
    >
      {booking && (
        <Typography.Paragraph type="secondary">
          {t('practice.enterprise.completeHelp', {
            slot: booking.slot.title,
            start: booking.startDate,
            end: booking.endDate,
            days: booking.days,
          })}
        </Typography.Paragraph>
      )}
      <Form<CompleteBookingRequest>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ daysServed: booking?.days }}
        onValuesChange={draft.onValuesChange}
        onFinish={(values) =>
          booking &&
          complete.mutate(
            {
              id: booking.id,
              body: { daysServed: values.daysServed, ...(values.evaluation?.trim() ? { evaluation: values.evaluation.trim() } : {}) },
            },
            { onError: (error) => showFieldErrors(form, error, ['daysServed', 'evaluation']) },
          )
        }
      >
        <FormDraftNotice draft={draft} error={complete.error} />
        <Form.Item
          name="daysServed"
          label={t('practice.booking.daysServed')}
          extra={t('practice.enterprise.daysServedHelp', { days: booking?.days ?? 0 })}
          rules={[{ required: true, message: t('practice.enterprise.daysServedRequired') }]}
        >
          <InputNumber
            min={0}
            max={booking?.days ?? 366}
            precision={0}
            suffix={t('practice.days')}
            style={{ width: 160 }}
            data-testid="days-served"
          />
        </Form.Item>
        <Form.Item
          name="evaluation"
          label={t('practice.booking.evaluation')}
          rules={[{ max: 5000, message: t('practice.enterprise.evaluationTooLong') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={5000}
            showCount
            placeholder={t('practice.enterprise.evaluationPlaceholder')}
            data-testid="evaluation"
          />
        </Form.Item>
      </Form>
      <PracticeProblemAlert error={complete.error} values={{ days: booking?.days ?? 0 }} testId="complete-error" />
    </Modal>
  );
}
