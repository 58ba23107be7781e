import { CalendarOutlined, CheckCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { ApplicationStatus, SlotView } from '@skillbridge/contracts';
import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationStatusLabel, districtLabel, formatYuan } from '../../components/labels';
import { TagList } from '../../components/slot-facts';
import { SlotTypeTag } from '../../components/status-tags';
import { formatDateRange } from '../../components/figures';

/** A slot in a list of search results or recommendations; opens its details. `applied`: the student's application to it, marked. */
export function SlotCard({
  slot,
  onOpen,
  aside,
  footer,
  applied,
}: {
  slot: SlotView;
  onOpen: () => void;
  aside?: ReactNode;
  footer?: ReactNode;
  applied?: ApplicationStatus;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      hoverable
      onClick={onOpen}
      className="sb-slot-card"
      data-testid="slot-card"
      data-slot-id={slot.id}
      styles={{ body: { padding: 20 } }}
    >
      <div className="sb-slot-card-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, fontSize: 16 }} ellipsis={{ tooltip: slot.title }} data-testid="slot-card-title">
            {slot.title}
          </Typography.Title>
          <Typography.Text type="secondary">{slot.enterpriseName}</Typography.Text>
        </div>
        {aside ?? <SlotTypeTag type={slot.type} />}
      </div>
      {applied && (
        <Tag color="green" icon={<CheckCircleOutlined />} style={{ marginTop: 8 }} data-testid="slot-applied" data-status={applied}>
          {t('majors.search.appliedStatus', { status: applicationStatusLabel(t, applied) })}
        </Tag>
      )}
      <Space size={[16, 4]} wrap style={{ margin: '12px 0' }}>
        <Typography.Text>
          <EnvironmentOutlined /> {districtLabel(t, slot.district)}
        </Typography.Text>
        <Typography.Text>
          <CalendarOutlined /> {formatDateRange(t, slot.startDate, slot.endDate)}
        </Typography.Text>
        <Typography.Text>
          <TeamOutlined /> {t('slot.seatsLeftShort', { n: slot.seatsLeft })}
        </Typography.Text>
      </Space>
      <div className="sb-slot-card-foot">
        <TagList values={slot.majors.slice(0, 3)} color="blue" />
        {slot.stipend && (
          <Typography.Text strong className="sb-stipend">
            {t('slot.perMonth', { amount: formatYuan(slot.stipend, i18n.language) })}
          </Typography.Text>
        )}
      </div>
      {footer && <div style={{ marginTop: 12 }}>{footer}</div>}
    </Card>
  );
}
