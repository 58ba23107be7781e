import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { MatchRoundView, SlotView } from '@skillbridge/contracts';
import { takesStudents } from '@skillbridge/domain';
import { Button, Card, DatePicker, Drawer, Empty, Form, Input, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateRound, useOpenSlotsForRound, useRounds } from '../../api/rounds.hooks';
import { useMe } from '../../auth/session';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { RoundExplainer } from './round-explainer';
import { RoundProblemAlert } from './round-problem';
import { RoundStatusTag } from './round-status-tag';
import './rounds.css';
import { ResponsiveTable } from '../../components/responsive-table';
import { usePanelWidth } from '../../components/use-is-phone';
import { formatDateRange } from '../../components/figures';

/** Who may start a round: the education bureau's officers and school admins. */
export const canCreateRounds = (me: { role: string; authority: string | null }) =>
  me.role === 'school_admin' || (me.role === 'bureau_officer' && me.authority === 'EDU');

/** 撮合轮次: the rounds the user takes part in or runs; owners create new ones here. */
export default function RoundsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const rounds = useRounds();

  const columns: ColumnsType<MatchRoundView> = [
    {
      key: 'name',
      title: t('rounds.field.name'),
      render: (_, r) => (
        <Link to={`/match-rounds/${r.id}`} data-testid="round-link" data-user-entered="true">
          {r.name}
        </Link>
      ),
    },
    { key: 'status', title: t('rounds.field.status'), width: 120, render: (_, r) => <RoundStatusTag round={r} /> },
    {
      key: 'owner',
      title: t('rounds.field.owner'),
      width: 200,
      render: (_, r) => (r.owner.authority ? t('rounds.owner.edu') : r.owner.name),
    },
    {
      key: 'deadline',
      title: t('rounds.field.deadline'),
      width: 170,
      render: (_, r) => dayjs(r.preferenceDeadline).format('YYYY-MM-DD HH:mm'),
    },
    { key: 'slots', title: t('rounds.field.slots'), width: 90, align: 'right', render: (_, r) => r.slotCount },
    { key: 'participants', title: t('rounds.field.participants'), width: 110, align: 'right', render: (_, r) => r.participants },
  ];

  return (
    <div data-testid="rounds-page">
      <PageTitle
        title={t('rounds.list.title')}
        subtitle={t(`rounds.list.subtitle.${me.role === 'student' ? 'student' : me.role === 'enterprise_admin' ? 'enterprise' : 'owner'}`)}
        extra={
          canCreateRounds(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-round">
              {t('rounds.create.button')}
            </Button>
          )
        }
      />
      <div className="sb-stack">
        <RoundExplainer />
        <Card>
          <QueryState query={rounds}>
            {(list) =>
              list.length === 0 ? (
                <Empty description={t('rounds.list.empty')} />
              ) : (
                <ResponsiveTable rowKey="id" columns={columns} dataSource={list} pagination={false} data-testid="rounds-table" />
              )
            }
          </QueryState>
        </Card>
      </div>
      <CreateRoundDrawer open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

interface CreateForm {
  name: string;
  deadline: Dayjs;
  seed?: string;
}

/** The owner names the round, sets the deadline for lists, and picks its open slots. */
function CreateRoundDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const width = usePanelWidth(736); // the whole window on a phone
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateForm>();
  const [words, setWords] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [picked, setPicked] = useState<Map<string, SlotView>>(new Map());
  const slots = useOpenSlotsForRound(q, open);
  // Teacher practice is booked, not matched.
  const offered = (slots.data?.items ?? []).filter((s) => takesStudents(s.type) && s.seatsLeft > 0);

  const create = useCreateRound({
    onSuccess: (round) => {
      form.resetFields();
      setPicked(new Map());
      onClose();
      navigate(`/match-rounds/${round.id}`);
    },
  });

  const submit = (values: CreateForm) =>
    create.mutate({
      name: values.name.trim(),
      preferenceDeadline: values.deadline.toISOString(),
      seed: values.seed?.trim() || undefined,
      slotIds: [...picked.keys()],
    });

  const columns: ColumnsType<SlotView> = [
    { key: 'title', title: t('rounds.slot.title'), render: (_, s) => <Typography.Text strong>{s.title}</Typography.Text> },
    { key: 'enterprise', title: t('rounds.slot.enterprise'), render: (_, s) => s.enterpriseName },
    { key: 'dates', title: t('rounds.slot.dates'), width: 200, render: (_, s) => formatDateRange(t, s.startDate, s.endDate) },
    { key: 'seats', title: t('rounds.slot.seatsLeft'), width: 80, align: 'right', render: (_, s) => s.seatsLeft },
  ];

  return (
    <Drawer title={t('rounds.create.title')} open={open} onClose={onClose} size={width} destroyOnHidden data-testid="create-round-drawer">
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ deadline: dayjs().add(7, 'day').hour(18).minute(0).second(0) }}
      >
        <Form.Item
          name="name"
          label={t('rounds.field.name')}
          rules={[{ required: true, whitespace: true, message: t('rounds.create.nameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('rounds.create.namePlaceholder')} data-testid="round-name" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('rounds.field.deadline')}
          rules={[{ required: true, message: t('rounds.create.deadlineRequired') }]}
          extra={t('rounds.create.deadlineHelp')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            data-testid="round-deadline"
          />
        </Form.Item>
        <Form.Item name="seed" label={t('rounds.field.seed')} extra={t('rounds.create.seedHelp')}>
          <Input maxLength={200} data-testid="round-seed" />
        </Form.Item>
        <Form.Item label={t('rounds.create.slots', { n: picked.size })} required>
          <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
            <Input
              value={words}
              onChange={(e) => setWords(e.target.value)}
              onPressEnter={(e) => {
                e.preventDefault();
                setQ(words.trim() || undefined);
              }}
              placeholder={t('rounds.create.searchSlots')}
              data-testid="round-slot-search"
            />
            <Button icon={<SearchOutlined />} onClick={() => setQ(words.trim() || undefined)} data-testid="round-slot-search-submit">
              {t('rounds.create.search')}
            </Button>
          </Space.Compact>
          <ResponsiveTable<SlotView>
            rowKey="id"
            size="small"
            loading={slots.isFetching}
            columns={columns}
            dataSource={offered}
            pagination={false}
            scroll={{ y: 320 }}
            data-testid="round-slot-table"
            rowSelection={{
              selectedRowKeys: [...picked.keys()],
              preserveSelectedRowKeys: true,
              onSelect: (slot, selected) =>
                setPicked((current) => {
                  const next = new Map(current);
                  if (selected) next.set(slot.id, slot);
                  else next.delete(slot.id);
                  return next;
                }),
              onSelectAll: (selected, _rows, changed) =>
                setPicked((current) => {
                  const next = new Map(current);
                  for (const slot of changed) {
                    if (selected) next.set(slot.id, slot);
                    else next.delete(slot.id);
                  }
                  return next;
                }),
            }}
          />
        </Form.Item>
        <RoundProblemAlert error={create.error} testId="create-round-error" />
        <Space style={{ marginTop: 16 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            disabled={picked.size === 0}
            data-testid="create-round-submit"
          >
            {t('rounds.create.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
