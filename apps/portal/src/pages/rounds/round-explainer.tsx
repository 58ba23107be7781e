import { QuestionCircleOutlined } from '@ant-design/icons';
import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const STEPS = ['open', 'lists', 'ranking', 'run', 'publish'] as const;

/**
 * What a match round is, in plain words for a school admin (and everyone else taking part): the
 * steps, why the result is fair, what the draw number (seed) is for, and what each side sees.
 * Folded on a round's own page, open on the list when asked.
 */
export function RoundExplainer({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Collapse
      data-testid="round-explainer"
      className="sb-round-explainer"
      defaultActiveKey={defaultOpen ? ['explain'] : []}
      items={[
        {
          key: 'explain',
          label: (
            <span>
              <QuestionCircleOutlined /> {t('rounds.explain.title')}
            </span>
          ),
          children: (
            <div className="sb-round-explainer-body">
              <Typography.Paragraph>{t('rounds.explain.what')}</Typography.Paragraph>
              <Typography.Title level={5}>{t('rounds.explain.stepsTitle')}</Typography.Title>
              <ol>
                {STEPS.map((step) => (
                  <li key={step}>{t(`rounds.explain.steps.${step}`)}</li>
                ))}
              </ol>
              <Typography.Title level={5}>{t('rounds.explain.fairTitle')}</Typography.Title>
              <Typography.Paragraph>{t('rounds.explain.fair')}</Typography.Paragraph>
              <Typography.Title level={5}>{t('rounds.explain.seedTitle')}</Typography.Title>
              <Typography.Paragraph data-testid="round-explainer-seed">{t('rounds.explain.seed')}</Typography.Paragraph>
              <Typography.Title level={5}>{t('rounds.explain.seesTitle')}</Typography.Title>
              <ul>
                <li>{t('rounds.explain.studentSees')}</li>
                <li>{t('rounds.explain.enterpriseSees')}</li>
              </ul>
            </div>
          ),
        },
      ]}
    />
  );
}
