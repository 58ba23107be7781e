import type { BookingStatus } from '@skillbridge/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOOKING_STATUS_COLOR, bookingStatusLabel } from './practice-util';

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={BOOKING_STATUS_COLOR[status]} data-testid="booking-status" data-status={status}>
      {bookingStatusLabel(t, status)}
    </Tag>
  );
}
