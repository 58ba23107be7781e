import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { SlotView } from '@skillbridge/contracts';
import { Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { districtLabel, formatYuan } from '../../components/labels';
import { TagList } from '../../components/slot-facts';
import { SlotTypeTag } from '../../components/status-tags';

/** A slot in a list of search results or recommendations; opens its details. */
export function SlotCard({ slot, onOpen, aside, footer }: { slot: SlotView; onOpen: () => void; aside?: ReactNode; footer?: ReactNode }) {
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
      <Space size={[16, 4]} wrap style={{ margin: '12px 0' }}>
        <Typography.Text>
          <EnvironmentOutlined /> {districtLabel(t, slot.district)}
        </Typography.Text>
        <Typography.Text>
          <CalendarOutlined /> {t('slot.periodValue', { start: slot.startDate, end: slot.endDate })}
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
