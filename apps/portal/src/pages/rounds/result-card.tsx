import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import type { MatchFiguresView, MatchLineView, MatchRoundView } from '@skillbridge/contracts';
import { Card, Col, Empty, Row, Statistic, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsOption } from 'echarts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoundResult } from '../../api/rounds.hooks';
import { useMe } from '../../auth/session';
import { QueryState } from '../../components/query-state';
import { Chart } from '../../components/chart';
import { ResponsiveTable } from '../../components/responsive-table';

const PAGE = 50;
const share = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);

/** The latest run: the owner's figures, chart and every line (paged); a participant's own lines once published. */
export function ResultCard({ round }: { round: MatchRoundView }) {
  const { t } = useTranslation();
  const me = useMe();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE;
  const result = useRoundResult(round, offset, PAGE);
  const columns: ColumnsType<MatchLineView> = [
    { key: 'student', title: t('rounds.result.student'), render: (_, l) => l.studentName },
    {
      key: 'slot',
      title: t('rounds.result.slot'),
      render: (_, l) =>
        l.slot ? `${l.slot.title} · ${l.slot.enterpriseName}` : <Tag data-testid="line-unmatched">{t('rounds.result.unmatched')}</Tag>,
    },
    {
      key: 'choice',
      title: t('rounds.result.choice'),
      width: 120,
      render: (_, l) => (l.choice ? t('rounds.result.choiceValue', { n: l.choice }) : '—'),
    },
  ];
  const title = round.canManage
    ? t(round.status === 'published' ? 'rounds.result.titlePublished' : 'rounds.result.titleDraft')
    : me.role === 'student'
      ? t('rounds.result.titleMine')
      : t('rounds.result.titleSlots');
  return (
    <Card title={title} data-testid="result-card">
      <QueryState query={result}>
        {(r) => (
          <div className="sb-stack">
            {r.figures && <Figures figures={r.figures} stable={r.stable} />}
            {r.figures && (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('rounds.result.audit', { version: r.algorithmVersion, seed: r.seed, sha: r.inputsSha256.slice(0, 16) })}
              </Typography.Paragraph>
            )}
            {me.role === 'student' && !round.canManage ? (
              <OwnLine line={r.lines[0]} />
            ) : r.lines.length === 0 ? (
              <Empty description={t('rounds.result.noLines')} />
            ) : (
              <ResponsiveTable
                rowKey="studentId"
                size="small"
                columns={columns}
                dataSource={r.lines}
                data-testid="result-lines"
                pagination={
                  round.canManage
                    ? { current: page, pageSize: PAGE, total: r.totalLines, onChange: setPage, showSizeChanger: false }
                    : r.lines.length > PAGE
                      ? { pageSize: PAGE }
                      : false
                }
              />
            )}
          </div>
        )}
      </QueryState>
    </Card>
  );
}

function OwnLine({ line }: { line?: MatchLineView }) {
  const { t } = useTranslation();
  if (!line) return <Empty description={t('rounds.result.noLines')} />;
  return line.slot ? (
    <div data-testid="own-line" data-matched="true">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <CheckCircleFilled style={{ color: '#38a169' }} />{' '}
        {t('rounds.result.youGot', { slot: line.slot.title, enterprise: line.slot.enterpriseName })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('rounds.result.yourChoice', { n: line.choice ?? 0 })}</Typography.Text>
    </div>
  ) : (
    <div data-testid="own-line" data-matched="false">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('rounds.result.youUnmatched')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('rounds.result.secondRoundHint')}</Typography.Text>
    </div>
  );
}

function Figures({ figures: f, stable }: { figures: MatchFiguresView; stable: boolean }) {
  const { t } = useTranslation();
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: {
      type: 'category',
      data: [...f.byChoice.map((_, k) => t('rounds.result.choiceValue', { n: k + 1 })), t('rounds.result.unmatched')],
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('rounds.result.students'),
        data: [
          ...f.byChoice.map((n, k) => ({ value: n, itemStyle: { color: k === 0 ? '#2f855a' : '#3182ce' } })),
          { value: f.unmatched, itemStyle: { color: '#a0aec0' } },
        ],
      },
    ],
  };
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('rounds.result.matchedShare')} value={share(f.matched, f.students)} suffix="%" data-testid="figure-matched" />
          <Typography.Text type="secondary">{t('rounds.result.ofStudents', { n: f.matched, total: f.students })}</Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('rounds.result.firstChoiceShare')}
            value={share(f.firstChoice, f.matched)}
            suffix="%"
            data-testid="figure-first-choice"
          />
          <Typography.Text type="secondary">{t('rounds.result.ofMatched', { n: f.firstChoice })}</Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('rounds.result.unmatchedCount')} value={f.unmatched} data-testid="figure-unmatched" />
          <Typography.Text type="secondary">{t('rounds.result.seats', { seats: f.seats, slots: f.slots })}</Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('rounds.result.stability')}
            value={stable ? t('rounds.result.stable') : t('rounds.result.unstable')}
            prefix={stable ? <CheckCircleFilled style={{ color: '#38a169' }} /> : <WarningFilled style={{ color: '#e53e3e' }} />}
            data-testid="figure-stable"
          />
          <Typography.Text type="secondary">{t('rounds.result.runTime', { ms: f.runMs })}</Typography.Text>
        </Col>
      </Row>
      <Chart option={option} height={240} testId="result-chart" />
    </>
  );
}
