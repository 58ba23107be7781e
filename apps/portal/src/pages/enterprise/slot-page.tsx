import { ArrowLeftOutlined } from '@ant-design/icons';
import type { SlotView } from '@skillbridge/contracts';
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useSlot } from '../../api/slots.hooks';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { SlotFacts } from '../../components/slot-facts';
import { SlotStateTag } from '../../components/status-tags';
import { ApplicantsTable } from './applicants-table';
import { SlotActions } from './slot-actions';
import { SlotFormDrawer } from './slot-form-drawer';

/** One of the enterprise's slots: its terms, the advice about them, and its applicants. */
export default function SlotPage() {
  const { slotId = '' } = useParams();
  const slot = useSlot(slotId);
  return (
    <div data-testid="slot-page">
      <QueryState query={slot}>{(data) => <SlotDetail slot={data} />}</QueryState>
    </div>
  );
}

function SlotDetail({ slot }: { slot: SlotView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);

  return (
    <>
      <PageTitle
        title={
          <Space size="middle" align="center">
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/slots')} aria-label={t('common.back')} />
            <span data-testid="slot-title-heading">{slot.title}</span>
            <SlotStateTag state={slot.state} />
          </Space>
        }
        subtitle={slot.state === 'draft' ? t('slots.draftHint') : undefined}
        extra={<SlotActions slot={slot} onEdit={() => setEditing(true)} size="middle" />}
      />
      <div className="sb-stack">
        {slot.warnings.map((code) => (
          <Alert key={code} type="warning" showIcon data-testid="slot-warning" title={t(`slotWarning.${code}`, { defaultValue: code })} />
        ))}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={18}>
            <Card title={t('slots.terms')} style={{ height: '100%' }}>
              <SlotFacts slot={slot} showEnterprise={false} />
              {slot.description && (
                <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  {slot.description}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={6}>
            <Card style={{ height: '100%' }} data-testid="slot-seats-card">
              <Statistic
                title={t('slot.seatsTaken')}
                value={slot.taken}
                suffix={`/ ${slot.capacity}`}
                styles={{ content: { fontSize: 36, fontWeight: 600 } }}
              />
              <Progress
                aria-label={`${slot.taken} / ${slot.capacity}`}
                percent={slot.capacity > 0 ? Math.round((slot.taken / slot.capacity) * 100) : 0}
                showInfo={false}
                status={slot.taken >= slot.capacity ? 'success' : 'normal'}
                style={{ margin: '8px 0' }}
              />
              <Typography.Text type="secondary">{t('slots.seatsLeft', { n: slot.seatsLeft })}</Typography.Text>
            </Card>
          </Col>
        </Row>
        <Card title={t('applicants.title')}>
          <ApplicantsTable slotId={slot.id} />
        </Card>
      </div>
      <SlotFormDrawer open={editing} slot={slot} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </>
  );
}
