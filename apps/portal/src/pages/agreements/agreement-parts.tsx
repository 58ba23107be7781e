import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import type { AgreementClause, AgreementParty, AgreementSignatureView, AgreementStatus, AgreementView } from '@skillbridge/contracts';
import { Alert, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { useFeatureProblemText } from '../../components/problem-text';

const STATUS_COLOR: Record<AgreementStatus, string> = {
  awaiting_insurance: 'gold',
  signing: 'processing',
  signed: 'success',
  void: 'default',
};

/** The agreement's state; "待你签署" instead of "signing" when the reader's own signature is what it waits for. */
export function AgreementStatusTag({ status, awaitingMe }: { status: AgreementStatus; awaitingMe?: boolean }) {
  const { t } = useTranslation();
  if (awaitingMe && status === 'signing')
    return (
      <Tag color="red" data-testid="agreement-status" data-status="awaiting_me">
        {t('agreements.awaitingYou')}
      </Tag>
    );
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="agreement-status" data-status={status}>
      {t(`agreements.status.${status}`)}
    </Tag>
  );
}

/** Each party that signs, ticked when it has signed the current version. */
export function PartyTags({ parties, signed }: { parties: readonly AgreementParty[]; signed: readonly AgreementParty[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap data-testid="agreement-parties">
      {parties.map((party) =>
        signed.includes(party) ? (
          <Tag key={party} color="success" icon={<CheckCircleFilled />} data-party={party} data-signed="true">
            {t(`agreements.party.${party}`)}
          </Tag>
        ) : (
          <Tag key={party} icon={<ClockCircleOutlined />} data-party={party} data-signed="false">
            {t(`agreements.party.${party}`)}
          </Tag>
        ),
      )}
    </Space>
  );
}

/** The refusals of agreements in their own words (`agreements.problem.*`), before the portal's general ones. */
export const useAgreementProblemText = (): ((error: unknown) => string) => useFeatureProblemText('agreements');

export function AgreementProblemAlert({ error, testId }: { error: unknown; testId?: string }) {
  const problemText = useAgreementProblemText();
  return <ProblemAlert error={error} testId={testId} text={problemText} style={{ marginTop: 12 }} />;
}

function Clauses({ clauses, lang }: { clauses: AgreementClause[]; lang: string }) {
  return (
    <div className="sb-agreement-text" lang={lang} data-testid={`agreement-text-${lang}`}>
      {clauses.map((clause, i) => (
        <section key={i}>
          <Typography.Title level={5}>{clause.heading}</Typography.Title>
          {clause.paragraphs.map((paragraph, j) => (
            <Typography.Paragraph key={j}>{paragraph}</Typography.Paragraph>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * The text of a version: in Chinese the legal text alone; in English the English rendering first, with a note that
 * the Chinese text is the one that binds, and the Chinese text a tab away.
 */
export function AgreementText({ text }: { text: AgreementView['text'] }) {
  const { t, i18n } = useTranslation();
  if (i18n.language !== 'en') return <Clauses clauses={text['zh-CN']} lang="zh-CN" />;
  return (
    <>
      <Alert type="info" showIcon title={t('agreements.englishNote')} style={{ marginBottom: 12 }} data-testid="agreement-english-note" />
      <Tabs
        items={[
          { key: 'en', label: t('agreements.textEnglish'), children: <Clauses clauses={text.en} lang="en" /> },
          { key: 'zh-CN', label: t('agreements.textChinese'), children: <Clauses clauses={text['zh-CN']} lang="zh-CN" /> },
        ]}
      />
    </>
  );
}

/** Who signed this version, how and when. */
export function SignatureLines({ signatures }: { signatures: readonly AgreementSignatureView[] }) {
  const { t } = useTranslation();
  if (signatures.length === 0) return <Typography.Text type="secondary">{t('agreements.noSignatures')}</Typography.Text>;
  return (
    <ul className="sb-plain-list" data-testid="agreement-signatures">
      {signatures.map((s) => (
        <li key={`${s.party}:${s.signedAt}`} data-party={s.party}>
          <Typography.Text strong>{t(`agreements.party.${s.party}`)}</Typography.Text> <span data-user-entered="true">{s.signerName}</span>{' '}
          <Typography.Text type="secondary">
            {t('agreements.signedAtBy', { at: formatDateTime(s.signedAt), method: t(`agreements.method.${s.method}`) })}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** A SHA-256, broken anywhere so that 64 hex digits fit a phone. */
export function Sha256({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} className="sb-hash" data-testid={testId}>
      {value}
    </Typography.Text>
  );
}
