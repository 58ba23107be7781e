import { ThunderboltOutlined } from '@ant-design/icons';
import type { MatchRoundSlotView, MatchRoundView } from '@skillbridge/contracts';
import { roundAcceptsRankings } from '@skillbridge/domain';
import { App, Button, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRankSlot, useRankSlotAutomatically, useRoundApplicants } from '../../api/rounds.hooks';
import { QueryState } from '../../components/query-state';
import { RoundProblemAlert } from './round-problem';
import { SortableList } from './sortable-list';
import { usePanelWidth } from '../../components/use-is-phone';

/**
 * An enterprise ranks the students who listed its slot: it starts from the automatic order (wanted
 * major, then skills, then the round's lottery), drags or moves them, and saves; or leaves the slot to
 * be ranked automatically. Students taken off the ranking are not acceptable to the slot.
 */
export function RankingDrawer({ round, slot, onClose }: { round: MatchRoundView; slot: MatchRoundSlotView; onClose: () => void }) {
  const width = usePanelWidth(736); // the whole window on a phone
  const { t } = useTranslation();
  const { message } = App.useApp();
  const applicants = useRoundApplicants(round.id, slot.id);
  const [order, setOrder] = useState<string[] | null>(null);
  const editable = roundAcceptsRankings(round.status);
  const done = (automatic: boolean) => () => {
    setOrder(null);
    void message.success(t(automatic ? 'rounds.rank.automaticSaved' : 'rounds.rank.saved'));
  };
  const save = useRankSlot(round.id, slot.id, { onSuccess: done(false) });
  const automatic = useRankSlotAutomatically(round.id, slot.id, { onSuccess: done(true) });

  return (
    <Drawer open onClose={onClose} size={width} title={t('rounds.rank.title', { slot: slot.title })} data-testid="ranking-drawer">
      <QueryState query={applicants}>
        {(view) => {
          const byId = new Map(view.applicants.map((a) => [a.studentId, a]));
          const shown = order ?? view.ranking ?? view.suggested;
          const left = view.applicants.filter((a) => !shown.includes(a.studentId));
          return view.applicants.length === 0 ? (
            <Empty description={t('rounds.rank.none')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Space wrap>
                {view.ranking ? (
                  <Tag color="blue">{t('rounds.slot.rankedByHand')}</Tag>
                ) : (
                  <Tag data-testid="ranking-automatic">{t('rounds.slot.automatic')}</Tag>
                )}
                <Typography.Text type="secondary">{t(editable ? 'rounds.rank.help' : 'rounds.rank.closed')}</Typography.Text>
              </Space>
              <SortableList
                ids={shown}
                onChange={setOrder}
                onRemove={editable ? (id) => setOrder(shown.filter((x) => x !== id)) : undefined}
                disabled={!editable}
                testId="ranking-list"
                render={(id) => {
                  const a = byId.get(id);
                  return (
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong data-testid="applicant-name">
                        {a?.name ?? id}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {a ? `${a.schoolName} · ${a.major}${a.skills.length ? ` · ${a.skills.join(t('common.listSeparator'))}` : ''}` : ''}
                      </Typography.Text>
                    </Space>
                  );
                }}
              />
              {left.length > 0 && (
                <div>
                  <Typography.Text type="secondary">{t('rounds.rank.leftOut')}</Typography.Text>
                  <Space wrap style={{ marginTop: 8 }}>
                    {left.map((a) => (
                      <Button key={a.studentId} size="small" disabled={!editable} onClick={() => setOrder([...shown, a.studentId])}>
                        + {a.name}
                      </Button>
                    ))}
                  </Space>
                </div>
              )}
              {editable && (
                <Space>
                  <Button type="primary" loading={save.isPending} onClick={() => save.mutate(shown)} data-testid="save-ranking">
                    {t('rounds.rank.save')}
                  </Button>
                  <Button
                    icon={<ThunderboltOutlined />}
                    loading={automatic.isPending}
                    disabled={!view.ranking && !order}
                    onClick={() => automatic.mutate()}
                    data-testid="ranking-use-automatic"
                  >
                    {t('rounds.rank.useAutomatic')}
                  </Button>
                </Space>
              )}
              <RoundProblemAlert error={save.error ?? automatic.error} testId="ranking-error" />
            </Space>
          );
        }}
      </QueryState>
    </Drawer>
  );
}
