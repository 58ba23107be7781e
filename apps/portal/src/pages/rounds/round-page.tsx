import {
  ArrowLeftOutlined,
  CloseCircleOutlined,
  ForkOutlined,
  LockOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  QuestionCircleOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import type { MatchRoundSlotView, MatchRoundView } from '@skillbridge/contracts';
import { MAX_MATCH_PREFERENCES } from '@skillbridge/contracts';
import { APPLICANTS_SETTLED_IN, canMoveRound, roundAcceptsPreferences, roundAcceptsRankings } from '@skillbridge/domain';
import {
  App,
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCreateSecondRound, useMoveRound, useRound, useSavePreferences } from '../../api/rounds.hooks';
import { useMe } from '../../auth/session';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { RankingDrawer } from './ranking-drawer';
import { ResultCard } from './result-card';
import { RoundExplainer } from './round-explainer';
import { RoundProblemAlert, useRoundProblemText } from './round-problem';
import { RoundStatusTag } from './round-status-tag';
import { SortableList } from './sortable-list';
import './rounds.css';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatDateRange } from '../../components/figures';

/** One round: its facts and slots for everyone; the owner's moves; a student's list; an enterprise's rankings; the result. */
export default function RoundPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const round = useRound(roundId);
  return (
    <div data-testid="round-page">
      <QueryState query={round}>
        {(r) => (
          <>
            <PageTitle
              title={
                <Space>
                  <span data-testid="round-title">{r.name}</span>
                  <RoundStatusTag round={r} />
                </Space>
              }
              subtitle={t(`rounds.stage.${r.status}`)}
              extra={
                <>
                  <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/match-rounds')}>
                    {t('rounds.back')}
                  </Button>
                  {r.canManage && <OwnerActions round={r} />}
                </>
              }
            />
            <div className="sb-stack">
              <RoundFacts round={r} />
              <RoundExplainer />
              {r.runError && <Alert type="error" showIcon title={t('rounds.runFailed')} description={r.runError} />}
              <RoleSections round={r} />
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}

function RoleSections({ round }: { round: MatchRoundView }) {
  const me = useMe();
  const [ranking, setRanking] = useState<MatchRoundSlotView | null>(null);
  const [picked, setPicked] = useState<string[] | null>(null);
  const list = picked ?? round.myPreferences ?? [];
  // A student who listed nothing has no line to see.
  const showResult =
    (round.canManage && round.lastRunId) || (round.status === 'published' && (me.role !== 'student' || round.myPreferences));
  return (
    <>
      {showResult && <ResultCard round={round} />}
      {me.role === 'student' && <PreferencesCard round={round} list={list} setList={setPicked} />}
      <SlotsCard
        round={round}
        onRank={setRanking}
        onAdd={me.role === 'student' && roundAcceptsPreferences(round.status) ? (slotId) => setPicked([...list, slotId]) : undefined}
        listed={me.role === 'student' ? list : []}
      />
      {ranking && <RankingDrawer round={round} slot={ranking} onClose={() => setRanking(null)} />}
    </>
  );
}

function RoundFacts({ round }: { round: MatchRoundView }) {
  const { t } = useTranslation();
  // Drafting the agreements of a published round runs in the background (issue 18): its progress until done.
  const drafting = round.agreementDrafting;
  return (
    <Card>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('rounds.field.owner')}>
          {round.owner.authority ? t('rounds.owner.edu') : round.owner.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('rounds.field.deadline')}>
          <span data-testid="round-deadline-value">{dayjs(round.preferenceDeadline).format('YYYY-MM-DD HH:mm')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('rounds.field.participants')}>{round.participants}</Descriptions.Item>
        <Descriptions.Item label={t('rounds.field.criteria')}>{t('rounds.criteria')}</Descriptions.Item>
        {round.seed && (
          <Descriptions.Item
            label={
              <Tooltip title={t('rounds.explain.seed')}>
                <span data-testid="round-seed-label">
                  {t('rounds.field.seed')} <QuestionCircleOutlined />
                </span>
              </Tooltip>
            }
          >
            <Typography.Text code copyable data-testid="round-seed-value">
              {round.seed}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {round.algorithmVersion && <Descriptions.Item label={t('rounds.field.algorithm')}>{round.algorithmVersion}</Descriptions.Item>}
        {round.parentRoundId && <Descriptions.Item label={t('rounds.field.parent')}>{t('rounds.secondRoundOf')}</Descriptions.Item>}
        {drafting && (
          <Descriptions.Item label={t('rounds.field.agreements')}>
            <span data-testid="round-agreement-drafting" data-done={String(drafting.done)} style={{ display: 'block', minWidth: 160 }}>
              <Progress
                percent={drafting.total ? Math.floor((drafting.drafted * 100) / drafting.total) : 100}
                status={drafting.done ? 'success' : 'active'}
                size="small"
                aria-label={t('rounds.field.agreements')}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {drafting.done
                  ? t('rounds.agreementsDrafted', { total: drafting.total })
                  : t('rounds.agreementsDrafting', { drafted: drafting.drafted, total: drafting.total })}
              </Typography.Text>
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** open → close → run (again) → publish, cancel, and a second round after publishing. */
function OwnerActions({ round }: { round: MatchRoundView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useRoundProblemText();
  const [second, setSecond] = useState(false);
  const move = useMoveRound(round.id, {
    onSuccess: (_updated, to) => void message.success(t(`rounds.moved.${to}`)),
    onError: (error) => void message.error(problemText(error)),
  });
  const busy = (to: string) => move.isPending && move.variables === to;
  const { status } = round;
  return (
    <>
      {canMoveRound(status, 'open') && (
        <Button
          type="primary"
          icon={<UnlockOutlined />}
          loading={busy('open')}
          onClick={() => move.mutate('open')}
          data-testid="round-open"
        >
          {t('rounds.action.open')}
        </Button>
      )}
      {canMoveRound(status, 'close') && (
        <Popconfirm
          title={t('rounds.action.closeConfirm')}
          onConfirm={() => move.mutate('close')}
          okButtonProps={{ 'data-testid': 'round-close-confirm' } as ButtonProps}
        >
          <Button icon={<LockOutlined />} loading={busy('close')} data-testid="round-close">
            {t('rounds.action.close')}
          </Button>
        </Popconfirm>
      )}
      {canMoveRound(status, 'run') && (
        <Button
          type={status === 'ranking' ? 'primary' : 'default'}
          icon={<PlayCircleOutlined />}
          loading={busy('run') || round.running}
          disabled={round.running}
          onClick={() => move.mutate('run')}
          data-testid="round-run"
        >
          {t(status === 'ran' ? 'rounds.action.rerun' : 'rounds.action.run')}
        </Button>
      )}
      {canMoveRound(status, 'publish') && (
        <Popconfirm
          title={t('rounds.action.publishConfirm')}
          onConfirm={() => move.mutate('publish')}
          okButtonProps={{ 'data-testid': 'round-publish-confirm' } as ButtonProps}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy('publish')} disabled={round.running} data-testid="round-publish">
            {t('rounds.action.publish')}
          </Button>
        </Popconfirm>
      )}
      {status === 'published' && (
        <Button icon={<ForkOutlined />} onClick={() => setSecond(true)} data-testid="round-second">
          {t('rounds.action.second')}
        </Button>
      )}
      {canMoveRound(status, 'cancel') && (
        <Popconfirm title={t('rounds.action.cancelConfirm')} onConfirm={() => move.mutate('cancel')}>
          <Button danger icon={<CloseCircleOutlined />} loading={busy('cancel')} data-testid="round-cancel">
            {t('rounds.action.cancel')}
          </Button>
        </Popconfirm>
      )}
      <SecondRoundModal round={round} open={second} onClose={() => setSecond(false)} />
    </>
  );
}

function SecondRoundModal({ round, open, onClose }: { round: MatchRoundView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ name: string; deadline: Dayjs }>();
  const create = useCreateSecondRound(round.id, {
    onSuccess: (created) => {
      onClose();
      navigate(`/match-rounds/${created.id}`);
    },
  });
  return (
    <Modal
      open={open}
      title={t('rounds.second.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rounds.second.help')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => create.mutate({ name: values.name.trim(), preferenceDeadline: values.deadline.toISOString() })}
        initialValues={{ name: t('rounds.second.defaultName', { name: round.name }), deadline: dayjs().add(3, 'day').hour(18).minute(0) }}
      >
        <Form.Item
          name="name"
          label={t('rounds.field.name')}
          rules={[{ required: true, whitespace: true, message: t('rounds.create.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('rounds.field.deadline')}
          rules={[{ required: true, message: t('rounds.create.deadlineRequired') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
      <RoundProblemAlert error={create.error} />
    </Modal>
  );
}

/** The round's slots; a student adds them to their list, an enterprise ranks its own. */
function SlotsCard({
  round,
  onRank,
  onAdd,
  listed,
}: {
  round: MatchRoundView;
  onRank: (slot: MatchRoundSlotView) => void;
  onAdd?: (slotId: string) => void;
  listed: string[];
}) {
  const { t } = useTranslation();
  const me = useMe();
  const full = listed.length >= MAX_MATCH_PREFERENCES;
  const columns: ColumnsType<MatchRoundSlotView> = [
    { key: 'title', title: t('rounds.slot.title'), render: (_, s) => <Typography.Text strong>{s.title}</Typography.Text> },
    { key: 'enterprise', title: t('rounds.slot.enterprise'), render: (_, s) => s.enterpriseName },
    { key: 'majors', title: t('rounds.slot.majors'), responsive: ['lg'], render: (_, s) => s.majors.map((m) => <Tag key={m}>{m}</Tag>) },
    {
      key: 'dates',
      title: t('rounds.slot.dates'),
      width: 200,
      responsive: ['md'],
      render: (_, s) => formatDateRange(t, s.startDate, s.endDate),
    },
    { key: 'capacity', title: t('rounds.slot.capacity'), width: 90, align: 'right', render: (_, s) => s.capacity },
    { key: 'applicants', title: t('rounds.slot.applicants'), width: 90, align: 'right', render: (_, s) => s.applicants },
  ];
  if (me.role === 'enterprise_admin' || round.canManage) {
    columns.push({
      key: 'ranking',
      title: t('rounds.slot.ranking'),
      width: 110,
      render: (_, s) =>
        s.rankedByEnterprise ? <Tag color="blue">{t('rounds.slot.rankedByHand')}</Tag> : <Tag>{t('rounds.slot.automatic')}</Tag>,
    });
  }
  if (onAdd) {
    columns.push({
      key: 'add',
      title: t('common.actions'),
      width: 120,
      render: (_, s) =>
        listed.includes(s.id) ? (
          <Tag color="green">{t('rounds.prefs.listed', { n: listed.indexOf(s.id) + 1 })}</Tag>
        ) : (
          <Button size="small" icon={<PlusOutlined />} disabled={full} onClick={() => onAdd(s.id)} data-testid="add-to-list">
            {t('rounds.prefs.add')}
          </Button>
        ),
    });
  }
  if (me.role === 'enterprise_admin') {
    columns.push({
      key: 'rank',
      title: t('common.actions'),
      width: 120,
      render: (_, s) =>
        s.mine && APPLICANTS_SETTLED_IN.includes(round.status) ? (
          <Button
            size="small"
            type={roundAcceptsRankings(round.status) ? 'primary' : 'default'}
            onClick={() => onRank(s)}
            data-testid="rank-slot"
          >
            {t(roundAcceptsRankings(round.status) ? 'rounds.rank.button' : 'rounds.rank.view')}
          </Button>
        ) : null,
    });
  }
  const rows =
    me.role === 'enterprise_admin' ? [...(round.slots ?? [])].sort((a, b) => Number(b.mine) - Number(a.mine)) : (round.slots ?? []);
  return (
    <Card title={t('rounds.slots.title', { n: round.slotCount })}>
      <ResponsiveTable
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        data-testid="round-slots"
      />
    </Card>
  );
}

/** A student's rank-order list: drag (or move with the buttons) to order, at most 10, saved while collecting. */
function PreferencesCard({ round, list, setList }: { round: MatchRoundView; list: string[]; setList: (ids: string[] | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const editable = roundAcceptsPreferences(round.status) && dayjs(round.preferenceDeadline).isAfter(dayjs());
  const bySlot = new Map((round.slots ?? []).map((s) => [s.id, s]));
  const dirty = JSON.stringify(list) !== JSON.stringify(round.myPreferences ?? []);
  const save = useSavePreferences(round.id, {
    onSuccess: () => {
      setList(null);
      void message.success(t('rounds.prefs.saved'));
    },
  });
  // A list saved elsewhere (another tab) replaces an unchanged one here.
  useEffect(() => {
    if (!dirty) setList(null);
  }, [round.myPreferences]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Card
      title={t('rounds.prefs.title')}
      extra={
        editable && (
          <Button
            type="primary"
            disabled={!dirty || list.length === 0}
            loading={save.isPending}
            onClick={() => save.mutate(list)}
            data-testid="save-preferences"
          >
            {t('rounds.prefs.save')}
          </Button>
        )
      }
      data-testid="preferences-card"
    >
      <Typography.Paragraph type="secondary">
        {t(editable ? 'rounds.prefs.help' : 'rounds.prefs.closed', { max: MAX_MATCH_PREFERENCES })}
      </Typography.Paragraph>
      {list.length === 0 ? (
        <Empty description={t('rounds.prefs.empty')} />
      ) : (
        <SortableList
          ids={list}
          onChange={setList}
          onRemove={editable ? (id) => setList(list.filter((x) => x !== id)) : undefined}
          disabled={!editable}
          testId="preference-list"
          render={(id) => {
            const slot = bySlot.get(id);
            return (
              <Space direction="vertical" size={0}>
                <Typography.Text strong data-testid="preference-title">
                  {slot?.title ?? id}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {slot ? `${slot.enterpriseName} · ${formatDateRange(t, slot.startDate, slot.endDate)}` : ''}
                </Typography.Text>
              </Space>
            );
          }}
        />
      )}
      {dirty && editable && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('rounds.prefs.unsaved')} />}
      <RoundProblemAlert error={save.error} testId="preferences-error" />
    </Card>
  );
}
