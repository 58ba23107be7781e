import type { BookingView } from '@skillbridge/contracts';
import { Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { BookingStatusTag } from './booking-status-tag';
import { formatDateRange } from '../../components/figures';

/** A booking's period, length, status, days served and evaluation: the columns both sides' tables share. */
export function bookingColumns(t: TFunction): ColumnsType<BookingView> {
  return [
    {
      key: 'period',
      title: t('practice.booking.period'),
      width: 220,
      render: (_, b) => formatDateRange(t, b.startDate, b.endDate),
    },
    { key: 'days', title: t('practice.booking.days'), width: 90, align: 'right', render: (_, b) => t('practice.daysValue', { n: b.days }) },
    { key: 'status', title: t('practice.booking.status'), width: 110, render: (_, b) => <BookingStatusTag status={b.status} /> },
    {
      key: 'served',
      title: t('practice.booking.daysServed'),
      width: 110,
      align: 'right',
      render: (_, b) => (b.daysServed === null ? '—' : t('practice.daysValue', { n: b.daysServed })),
    },
    {
      key: 'evaluation',
      title: t('practice.booking.evaluation'),
      ellipsis: { showTitle: false },
      render: (_, b) =>
        b.evaluation ? (
          <Tooltip title={b.evaluation} placement="topLeft">
            {b.evaluation}
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];
}
