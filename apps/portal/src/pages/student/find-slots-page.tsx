import { SearchOutlined } from '@ant-design/icons';
import { SLOT_TYPES, type SlotType, type SlotView } from '@skillbridge/contracts';
import { takesStudents } from '@skillbridge/domain';
import { AutoComplete, Button, Card, Col, DatePicker, Empty, Input, Row, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from '../../components/once-opened';
import { useMyStudentProfile } from '../../api/people.hooks';
import type { SearchSlotsQuery } from '../../api/slots.api';
import { useSlotSearch } from '../../api/slots.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { districtOptions, slotTypeOptions } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SlotCard } from './slot-card';

// Fetched when first opened (components/once-opened.tsx), not with the page.
const SlotDrawer = lazy(() => import('./slot-drawer').then((module) => ({ default: module.SlotDrawer })));

const LIMIT = 12;

type Filters = Omit<SearchSlotsQuery, 'cursor' | 'limit'>;

/** 找岗位: open slots by words, type, major, district and dates, a page at a time. */
export default function FindSlotsPage() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [filters, setFilters] = useState<Filters>({});
  const [words, setWords] = useState('');
  const [major, setMajor] = useState('');
  const [open, setOpen] = useState<SlotView | null>(null);
  const profile = useMyStudentProfile();
  const query: SearchSlotsQuery = { ...filters, cursor: pager.cursor, limit: LIMIT };
  const slots = useSlotSearch(query);

  const apply = (change: Filters) => {
    setFilters((current) => ({ ...current, ...change }));
    pager.reset();
  };
  const search = () => apply({ q: words.trim() || undefined, major: major.trim() || undefined });
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    apply({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined });

  return (
    <div data-testid="find-slots-page">
      <PageTitle title={t('findSlots.title')} subtitle={t('findSlots.subtitle')} />
      <div className="sb-stack">
        <Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Input
                allowClear
                prefix={<SearchOutlined />}
                placeholder={t('findSlots.searchPlaceholder')}
                aria-label={t('findSlots.searchPlaceholder')}
                value={words}
                onChange={(e) => setWords(e.target.value)}
                onPressEnter={search}
                data-testid="slot-search"
              />
            </Col>
            <Col xs={24} sm={12} lg={7}>
              <AutoComplete
                allowClear
                style={{ width: '100%' }}
                value={major}
                onChange={(value) => setMajor(value ?? '')}
                options={profile.data ? [{ value: profile.data.major, label: t('findSlots.myMajor', { major: profile.data.major }) }] : []}
                placeholder={t('findSlots.majorPlaceholder')}
                aria-label={t('findSlots.majorPlaceholder')}
                onKeyDown={(e) => e.key === 'Enter' && search()}
                data-testid="slot-major"
              />
            </Col>
            <Col xs={24} sm={12} lg={7}>
              <Button type="primary" icon={<SearchOutlined />} onClick={search} block data-testid="slot-search-submit">
                {t('findSlots.search')}
              </Button>
            </Col>
            <Col xs={24} sm={8} lg={6}>
              <Select<SlotType>
                allowClear
                style={{ width: '100%' }}
                placeholder={t('findSlots.allTypes')}
                aria-label={t('findSlots.allTypes')}
                options={slotTypeOptions(t, SLOT_TYPES.filter(takesStudents))}
                value={filters.type}
                onChange={(type) => apply({ type })}
                data-testid="slot-type-filter"
              />
            </Col>
            <Col xs={24} sm={8} lg={6}>
              <Select
                allowClear
                style={{ width: '100%' }}
                placeholder={t('enterprise.allDistricts')}
                aria-label={t('enterprise.allDistricts')}
                options={districtOptions(t)}
                value={filters.district}
                onChange={(district?: string) => apply({ district })}
                data-testid="slot-district-filter"
              />
            </Col>
            <Col xs={24} sm={8} lg={12}>
              <DatePicker.RangePicker
                style={{ width: '100%' }}
                placeholder={[t('findSlots.from'), t('findSlots.to')]}
                allowEmpty={[true, true]}
                onChange={(range) => setRange(range as [Dayjs | null, Dayjs | null] | null)}
                data-testid="slot-dates-filter"
              />
            </Col>
          </Row>
        </Card>
        {slots.error && <ProblemAlert error={slots.error} />}
        {slots.isPending ? (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : (slots.data?.items.length ?? 0) === 0 ? (
          <Card>
            <Empty description={t('findSlots.empty')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]} data-testid="slot-results" style={{ opacity: slots.isPlaceholderData ? 0.6 : 1 }}>
            {slots.data?.items.map((slot) => (
              <Col key={slot.id} xs={24} lg={12}>
                <SlotCard slot={slot} onOpen={() => setOpen(slot)} />
              </Col>
            ))}
          </Row>
        )}
        <CursorPager pager={pager} nextCursor={slots.data?.nextCursor} loading={slots.isFetching} />
      </div>
      <OnceOpened open={open !== null}>
        <SlotDrawer slot={open} onClose={() => setOpen(null)} />
      </OnceOpened>
    </div>
  );
}
