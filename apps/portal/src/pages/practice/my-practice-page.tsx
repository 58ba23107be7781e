import { CalendarOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { BookingView } from '@skillbridge/contracts';
import { App, Button, Card, Popconfirm, Select, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useBookings, useCancelBooking } from '../../api/practice.hooks';
import { PageTitle } from '../../components/page-title';
import { bookingColumns } from './booking-columns';
import { ComplianceCard } from './compliance-card';
import { PracticeProblemAlert, usePracticeProblemText } from './practice-problem';
import { cancellable } from './practice-util';
import { lanzhouToday, lanzhouYear, yearChoices } from '../../components/figures';
import { ResponsiveTable } from '../../components/responsive-table';

/** 我的实践: the teacher's bookings (cancel before the start) and the year's compliance. */
export default function MyPracticePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const problemText = usePracticeProblemText();
  const today = lanzhouToday();
  const [year, setYear] = useState(lanzhouYear());
  const bookings = useBookings();
  const cancel = useCancelBooking({
    onSuccess: (b) => void message.success(t('practice.mine.cancelled', { start: b.startDate, end: b.endDate })),
    onError: (error) => void message.error(problemText(error)),
  });

  const years = yearChoices(
    lanzhouYear(),
    (bookings.data ?? []).flatMap((b) => [Number(b.startDate.slice(0, 4)), Number(b.endDate.slice(0, 4))]),
  );

  const columns: ColumnsType<BookingView> = [
    {
      key: 'slot',
      title: t('practice.booking.slot'),
      render: (_, b) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{b.slot.title}</Typography.Text>
          <Typography.Text type="secondary">{b.slot.enterpriseName}</Typography.Text>
        </Space>
      ),
    },
    ...bookingColumns(t),
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      fixed: 'right',
      render: (_, b) =>
        cancellable(b, today) ? (
          <Popconfirm
            title={t('practice.mine.cancelConfirm')}
            description={t('practice.mine.cancelConfirmHelp', { start: b.startDate, end: b.endDate })}
            okText={t('practice.mine.cancel')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'cancel-booking-confirm' } as ButtonProps}
            onConfirm={() => cancel.mutateAsync(b.id).catch(() => undefined)}
          >
            <Button
              size="small"
              danger
              icon={<CloseCircleOutlined />}
              loading={cancel.isPending && cancel.variables === b.id}
              data-testid="cancel-booking"
            >
              {t('practice.mine.cancel')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div data-testid="my-practice-page">
      <PageTitle
        title={t('practice.mine.title')}
        subtitle={t('practice.mine.subtitle')}
        extra={
          <Button type="primary" icon={<CalendarOutlined />} onClick={() => navigate('/practice')} data-testid="book-practice">
            {t('practice.mine.book')}
          </Button>
        }
      />
      <div className="sb-stack">
        <ComplianceCard
          year={year}
          extra={
            <Select<number>
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: t('practice.yearValue', { year: y }) }))}
              aria-label={t('common.year')}
              data-testid="compliance-year"
            />
          }
        />
        <Card title={t('practice.mine.bookings')}>
          {bookings.error && <PracticeProblemAlert error={bookings.error} />}
          <ResponsiveTable<BookingView>
            data-testid="my-bookings"
            rowKey="id"
            size="middle"
            loading={bookings.isFetching}
            dataSource={[...(bookings.data ?? [])].reverse()}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 960 }}
            columns={columns}
            locale={{ emptyText: t('practice.mine.empty') }}
          />
        </Card>
      </div>
    </div>
  );
}
