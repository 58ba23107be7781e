import { LoadingOutlined } from '@ant-design/icons';
import type { MatchRoundStatus, MatchRoundView } from '@skillbridge/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<MatchRoundStatus, string> = {
  draft: 'default',
  collecting: 'processing',
  ranking: 'gold',
  ran: 'purple',
  published: 'success',
  cancelled: 'error',
};

/** A round's state; while the worker runs it, "running". */
export function RoundStatusTag({ round }: { round: Pick<MatchRoundView, 'status' | 'running'> }) {
  const { t } = useTranslation();
  if (round.running) {
    return (
      <Tag color="processing" icon={<LoadingOutlined />} data-testid="round-status" data-status="running">
        {t('rounds.status.running')}
      </Tag>
    );
  }
  return (
    <Tag color={COLOURS[round.status]} data-testid="round-status" data-status={round.status}>
      {t(`rounds.status.${round.status}`)}
    </Tag>
  );
}
