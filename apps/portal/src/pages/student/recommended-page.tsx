import type { ApplicationStatus, RecommendationReason, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import { Button, Card, Col, Empty, Popover, Progress, Row, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAppliedSlots } from '../../api/applications.hooks';
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
  const applied = useMyAppliedSlots();

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
                  <Recommendation item={item} onOpen={() => setOpen(item.slot)} applied={applied.data?.get(item.slot.id)} />
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

/** What the score is made of: each part's points out of its weight. */
function ScoreParts({ item }: { item: RecommendedSlot }) {
  const { t } = useTranslation();
  return (
    <div data-testid="score-parts" style={{ minWidth: 220 }}>
      {item.parts.map((part) => (
        <div key={part.part} className="sb-score-part" data-testid={`score-part-${part.part}`}>
          <Typography.Text>{t(`majors.score.part.${part.part}`)}</Typography.Text>
          <Progress percent={Math.round((part.points / part.max) * 100)} showInfo={false} size="small" />
          <Typography.Text type="secondary">{t('majors.score.points', { points: part.points, max: part.max })}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

function Recommendation({ item, onOpen, applied }: { item: RecommendedSlot; onOpen: () => void; applied?: ApplicationStatus }) {
  const { t } = useTranslation();
  const label = t('majors.score.label', { score: item.score });
  return (
    <SlotCard
      slot={item.slot}
      onOpen={onOpen}
      applied={applied}
      aside={
        // The parts on demand; the card itself opens the slot, so the click stops here.
        <div className="sb-score" onClick={(e) => e.stopPropagation()}>
          <Progress
            aria-label={label}
            type="circle"
            size={52}
            percent={item.score}
            format={(score) => <span data-testid="recommendation-score">{score}</span>}
            strokeColor={item.score >= 70 ? '#38a169' : item.score >= 40 ? '#2b6cb0' : '#a0aec0'}
          />
          <Typography.Text type="secondary" className="sb-score-label" data-testid="recommendation-score-label">
            {label}
          </Typography.Text>
          <Popover title={t('majors.score.title')} content={<ScoreParts item={item} />} trigger="click">
            <Button type="link" size="small" data-testid="score-explain">
              {t('majors.score.explain')}
            </Button>
          </Popover>
        </div>
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
