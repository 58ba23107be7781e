import type { RecommendationReason, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import { Card, Col, Empty, Progress, Row, Space, Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from '../../components/once-opened';
import { useRecommendedSlots } from '../../api/slots.hooks';
import { districtLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { SlotCard } from './slot-card';

// Fetched when first opened (components/once-opened.tsx), not with the page.
const SlotDrawer = lazy(() => import('./slot-drawer').then((module) => ({ default: module.SlotDrawer })));

/** Why a slot was recommended, in the user's language. */
export function reasonText(t: TFunction, reason: RecommendationReason): string {
  switch (reason.code) {
    case 'MAJOR_MATCH':
      return t('reason.MAJOR_MATCH', { major: reason.major });
    case 'SKILLS_MATCH':
      return t('reason.SKILLS_MATCH', { skills: reason.skills.join(t('common.listSeparator')) });
    case 'PREFERRED_DISTRICT':
      return t('reason.PREFERRED_DISTRICT', { district: districtLabel(t, reason.district) });
    case 'FITS_CALENDAR':
      return t('reason.FITS_CALENDAR');
    case 'CLASHES_WITH_PLACEMENT':
      return t('reason.CLASHES_WITH_PLACEMENT');
    case 'SEATS_LEFT':
      return t('reason.SEATS_LEFT', { n: reason.seatsLeft });
    case 'DEADLINE_SOON':
      return t('reason.DEADLINE_SOON', { n: reason.daysLeft });
    default:
      return (reason as { code: string }).code;
  }
}

const REASON_COLOR: Record<RecommendationReason['code'], string> = {
  MAJOR_MATCH: 'green',
  SKILLS_MATCH: 'green',
  PREFERRED_DISTRICT: 'green',
  FITS_CALENDAR: 'blue',
  CLASHES_WITH_PLACEMENT: 'red',
  SEATS_LEFT: 'blue',
  DEADLINE_SOON: 'orange',
};

/** 为你推荐: open slots ranked by fit for the student (major, skills, districts, calendar, seats), with the reasons. */
export default function RecommendedPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<SlotView | null>(null);
  const recommended = useRecommendedSlots();

  return (
    <div data-testid="recommended-page">
      <PageTitle title={t('recommended.title')} subtitle={t('recommended.subtitle')} />
      <QueryState query={recommended}>
        {(items) =>
          items.length === 0 ? (
            <Card>
              <Empty description={t('recommended.empty')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]} data-testid="recommendations">
              {items.map((item) => (
                <Col key={item.slot.id} xs={24} lg={12}>
                  <Recommendation item={item} onOpen={() => setOpen(item.slot)} />
                </Col>
              ))}
            </Row>
          )
        }
      </QueryState>
      <OnceOpened open={open !== null}>
        <SlotDrawer slot={open} onClose={() => setOpen(null)} />
      </OnceOpened>
    </div>
  );
}

function Recommendation({ item, onOpen }: { item: RecommendedSlot; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <SlotCard
      slot={item.slot}
      onOpen={onOpen}
      aside={
        <Tooltip title={t('recommended.scoreHint')}>
          <Progress
            aria-label={t('recommended.scoreHint')}
            type="circle"
            size={52}
            percent={item.score}
            format={(score) => <span data-testid="recommendation-score">{score}</span>}
            strokeColor={item.score >= 70 ? '#38a169' : item.score >= 40 ? '#2b6cb0' : '#a0aec0'}
          />
        </Tooltip>
      }
      footer={
        <Space size={[4, 4]} wrap data-testid="recommendation-reasons">
          {item.reasons.map((reason) => (
            <Tag key={reason.code} color={REASON_COLOR[reason.code]} data-testid={`reason-${reason.code}`}>
              {reasonText(t, reason)}
            </Tag>
          ))}
        </Space>
      }
    />
  );
}
