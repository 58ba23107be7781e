import { CalendarOutlined, EnvironmentOutlined, ScheduleOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import type { SlotView } from '@skillbridge/contracts';
import { Button, Card, Col, Empty, Input, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { PracticeSlotsQuery } from '../../api/practice.api';
import { usePracticeSlot, usePracticeSlots } from '../../api/practice.hooks';
import { CursorPager } from '../../components/cursor-pager';
import { districtLabel, districtOptions } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { useUrlSearch } from '../../components/use-url-search';
import { ProblemAlert } from '../../components/problem-alert';
import { BookingPanel } from './booking-panel';
import './practice.css';
import { formatDateRange } from '../../components/figures';

const LIMIT = 8;

/** What the address keeps of a search (besides its pages and the chosen slot). */
const FILTERS = ['q', 'district'] as const;

/** 企业实践: find an enterprise's practice slot, then book a month of it on its calendar. */
export default function FindPracticePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The words, the district and the page live in the address too: a reload or Back keeps them.
  const { filters, apply, pager } = useUrlSearch(FILTERS);
  const [params, setParams] = useSearchParams();
  const [words, setWords] = useState(filters.q ?? '');
  useEffect(() => setWords(filters.q ?? ''), [filters.q]);
  const query: PracticeSlotsQuery = { ...filters, cursor: pager.cursor, limit: LIMIT };
  const slots = usePracticeSlots(query);

  // The chosen slot lives in the address (?slot=…), so that it survives a reload and can be linked to.
  const selectedId = params.get('slot');
  const listed = slots.data?.items.find((s) => s.id === selectedId);
  const fetched = usePracticeSlot(selectedId, !listed);
  const selected = listed ?? fetched.data;
  const select = (slot: SlotView) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('slot', slot.id);
        return next;
      },
      { replace: true },
    );

  const search = () => apply({ q: words.trim() || undefined });

  return (
    <div data-testid="practice-page">
      <PageTitle
        title={t('practice.find.title')}
        subtitle={t('practice.find.subtitle')}
        extra={
          <Button icon={<ScheduleOutlined />} onClick={() => navigate('/my-practice')}>
            {t('practice.menu.mine')}
          </Button>
        }
      />
      <div className="sb-stack">
        <Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Input
                allowClear
                prefix={<SearchOutlined />}
                placeholder={t('practice.find.searchPlaceholder')}
                value={words}
                onChange={(e) => setWords(e.target.value)}
                onPressEnter={search}
                data-testid="practice-search"
              />
            </Col>
            <Col xs={24} sm={14} lg={7}>
              <Select
                allowClear
                style={{ width: '100%' }}
                placeholder={t('practice.find.allDistricts')}
                options={districtOptions(t)}
                value={filters.district}
                onChange={(district?: string) => apply({ district })}
                aria-label={t('practice.find.allDistricts')}
                data-testid="practice-district"
              />
            </Col>
            <Col xs={24} sm={10} lg={5}>
              <Button type="primary" icon={<SearchOutlined />} onClick={search} block data-testid="practice-search-submit">
                {t('practice.find.search')}
              </Button>
            </Col>
          </Row>
        </Card>
        <Row gutter={[16, 16]} align="top">
          <Col xs={24} xl={8}>
            <Card title={t('practice.find.slots')} styles={{ body: { padding: 12 } }}>
              {slots.error && <ProblemAlert error={slots.error} />}
              {slots.isPending ? (
                <Skeleton active paragraph={{ rows: 8 }} />
              ) : (slots.data?.items.length ?? 0) === 0 ? (
                <Empty description={t('practice.find.empty')} data-testid="practice-empty" />
              ) : (
                <div data-testid="practice-slots" style={{ opacity: slots.isPlaceholderData ? 0.6 : 1 }}>
                  {slots.data?.items.map((slot) => (
                    <SlotItem key={slot.id} slot={slot} selected={slot.id === selectedId} onSelect={() => select(slot)} />
                  ))}
                </div>
              )}
              <CursorPager pager={pager} nextCursor={slots.data?.nextCursor} loading={slots.isFetching} />
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            {selected ? (
              <BookingPanel key={selected.id} slot={selected} />
            ) : (
              <Card>
                {fetched.error ? (
                  <ProblemAlert error={fetched.error} />
                ) : selectedId && fetched.isPending ? (
                  <Skeleton active paragraph={{ rows: 10 }} />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('practice.find.pickOne')} style={{ padding: '64px 0' }} />
                )}
              </Card>
            )}
          </Col>
        </Row>
      </div>
    </div>
  );
}

function SlotItem({ slot, selected, onSelect }: { slot: SlotView; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      role="button"
      tabIndex={0}
      className={`sb-practice-slot${selected ? ' is-selected' : ''}`}
      onClick={onSelect}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect()}
      data-testid="practice-slot"
      data-slot-id={slot.id}
      aria-pressed={selected}
    >
      <div className="sb-practice-slot-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: slot.title }} data-testid="practice-slot-title">
            {slot.title}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" data-testid="practice-slot-enterprise">
              {slot.enterpriseName}
            </Typography.Text>
          </div>
        </div>
        <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
          <EnvironmentOutlined /> {districtLabel(t, slot.district)}
        </Tag>
      </div>
      <Space size={[14, 2]} wrap className="sb-practice-slot-meta">
        <span>
          <CalendarOutlined /> {formatDateRange(t, slot.startDate, slot.endDate)}
        </span>
        <span>
          <TeamOutlined /> {t('practice.find.capacity', { n: slot.capacity })}
        </span>
      </Space>
    </div>
  );
}
