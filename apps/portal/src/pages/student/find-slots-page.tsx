import { SearchOutlined } from '@ant-design/icons';
import { SLOT_TYPES, type SlotType, type SlotView } from '@skillbridge/contracts';
import { takesStudents } from '@skillbridge/domain';
import { Button, Card, Col, DatePicker, Empty, Input, Row, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAppliedSlots } from '../../api/applications.hooks';
import { OnceOpened } from '../../components/once-opened';
import type { SearchSlotsQuery } from '../../api/slots.api';
import { useSlotSearch } from '../../api/slots.hooks';
import { CursorPager } from '../../components/cursor-pager';
import { districtOptions, slotTypeOptions } from '../../components/labels';
import { MajorPicker } from '../../components/major-picker';
import { useUrlSearch } from '../../components/use-url-search';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SlotCard } from './slot-card';

// Fetched when first opened (components/once-opened.tsx), not with the page.
const SlotDrawer = lazy(() => import('./slot-drawer').then((module) => ({ default: module.SlotDrawer })));

const LIMIT = 12;

/** What the address keeps of a search (besides its pages). */
const FILTERS = ['q', 'major', 'type', 'district', 'from', 'to'] as const;

const isSlotType = (value: string | undefined): value is SlotType => SLOT_TYPES.some((type) => type === value);

/**
 * 找岗位: open student slots by words (title, description, majors, skills, synonyms), type, major,
 * district and dates, a page at a time; the search lives in the address, so a reload or Back keeps it.
 * Slots the student has applied to are marked.
 */
export default function FindSlotsPage() {
  const { t } = useTranslation();
  const { filters, apply, pager } = useUrlSearch(FILTERS);
  const [words, setWords] = useState(filters.q ?? '');
  // Back and forward change the address: the box shows the words searched for.
  useEffect(() => setWords(filters.q ?? ''), [filters.q]);
  const [open, setOpen] = useState<SlotView | null>(null);
  const applied = useMyAppliedSlots();
  const type = isSlotType(filters.type) ? filters.type : undefined;
  const query: SearchSlotsQuery = { ...filters, type, cursor: pager.cursor, limit: LIMIT };
  const slots = useSlotSearch(query);

  const search = () => apply({ q: words.trim() || undefined });
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
              <MajorPicker
                value={filters.major}
                onChange={(major) => apply({ major: typeof major === 'string' ? major : undefined })}
                placeholder={t('findSlots.majorPlaceholder')}
                aria-label={t('findSlots.majorPlaceholder')}
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
                value={type}
                onChange={(value) => apply({ type: value })}
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
                value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
                onChange={(range) => setRange(range as [Dayjs | null, Dayjs | null] | null)}
                data-testid="slot-dates-filter"
              />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('majors.search.hint')}
          </Typography.Paragraph>
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
          <Row
            gutter={[16, 16]}
            data-testid="slot-results"
            aria-busy={slots.isPlaceholderData}
            style={{ opacity: slots.isPlaceholderData ? 0.6 : 1 }}
          >
            {slots.data?.items.map((slot) => (
              <Col key={slot.id} xs={24} lg={12}>
                <SlotCard slot={slot} onOpen={() => setOpen(slot)} applied={applied.data?.get(slot.id)} />
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
