import {
  ArrowLeftOutlined,
  DownloadOutlined,
  EditOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  FormOutlined,
} from '@ant-design/icons';
import type { AgreementView } from '@skillbridge/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAgreement, useAgreementPdf, useSendGuardianLink } from '../../api/agreements.hooks';
import { saveFile } from '../../api/client';
import { useMe } from '../../auth/session';
import { formatDateRange } from '../../components/figures';
import { formatDateTime } from '../../components/labels';
import { OnceOpened } from '../../components/once-opened';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { AgreementProblemAlert, AgreementStatusTag, AgreementText, PartyTags, Sha256, SignatureLines } from './agreement-parts';

const SignDialog = lazy(() => import('./sign-dialog').then((module) => ({ default: module.SignDialog })));
const InsuranceDialog = lazy(() => import('./insurance-dialog').then((module) => ({ default: module.InsuranceDialog })));
const GuardianDialog = lazy(() => import('./guardian-dialog').then((module) => ({ default: module.GuardianDialog })));

/** `/agreements/:id`: one tripartite agreement, its current version, who signed, and what the reader may do with it. */
export default function AgreementPage() {
  const { agreementId = '' } = useParams();
  const agreement = useAgreement(agreementId);
  return <QueryState query={agreement}>{(view) => <AgreementDetail agreement={view} />}</QueryState>;
}

type Dialog = 'sign' | 'insurance' | 'guardian' | null;

function AgreementDetail({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { role } = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  /** The version the reader had read when a newer one replaced it. */
  const [outdated, setOutdated] = useState<number | null>(null);
  const [linkSent, setLinkSent] = useState<{ channel: 'email' | 'webhook'; expiresAt: string } | null>(null);
  const pdf = useAgreementPdf({ onSuccess: (blob) => saveFile(blob, `agreement-${a.id.slice(0, 8)}-v${a.version}.pdf`) });
  const guardianLink = useSendGuardianLink({
    onSuccess: (sent) => {
      setLinkSent(sent);
      void message.success(t(`agreements.guardian.linkSent.${sent.channel}`, { until: formatDateTime(sent.expiresAt) }));
    },
  });

  const terms = a.terms;
  const open = a.status !== 'signed' && a.status !== 'void';
  const admin = role === 'school_admin' || role === 'enterprise_admin';
  const school = role === 'school_admin';
  const needsGuardian = a.parties.includes('guardian');
  const guardianSigned = a.signatures.some((s) => s.party === 'guardian');
  const canSign = !!a.mySide && a.signingOpen && a.status === 'signing';
  const signed = a.signatures.map((s) => s.party);
  const insurance = terms.insurance;
  const insuranceCovers = !!insurance && insurance.coverageStart <= terms.dates.start && insurance.coverageEnd >= terms.dates.end;

  return (
    <div data-testid="agreement-page" data-agreement-id={a.id} data-version={a.version} data-status={a.status}>
      <Link to="/agreements">
        <ArrowLeftOutlined /> {t('agreements.back')}
      </Link>
      <PageTitle
        title={t('agreements.detail.title')}
        subtitle={
          <span data-user-entered="true">
            {terms.post.title} · {terms.student.name} · {terms.enterprise.name}
          </span>
        }
        extra={
          <>
            {canSign && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => setDialog('sign')} data-testid="agreement-sign">
                {t('agreements.sign.button')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              loading={pdf.isPending}
              onClick={() => pdf.mutate({ id: a.id })}
              data-testid="agreement-pdf"
            >
              {a.status === 'signed' ? t('agreements.pdfSigned') : t('agreements.pdf')}
            </Button>
          </>
        }
      />
      {pdf.error && <AgreementProblemAlert error={pdf.error} />}
      {outdated !== null && outdated !== a.version && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setOutdated(null)}
          title={t('agreements.outdated', { read: outdated, version: a.version })}
          style={{ marginBottom: 16 }}
          data-testid="agreement-outdated"
        />
      )}
      <StateAlert agreement={a} canSign={canSign} />

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('agreements.detail.facts')} size="small">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('agreements.field.status')}>
                <AgreementStatusTag status={a.status} awaitingMe={canSign} />
              </Descriptions.Item>
              <Descriptions.Item label={t('agreements.field.version')}>
                <span data-testid="agreement-version">{a.version}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('agreements.field.sha256')}>
                <Sha256 value={a.termsSha256} testId="agreement-sha256" />
              </Descriptions.Item>
              {a.signedPdfSha256 && (
                <Descriptions.Item label={t('agreements.field.signedPdfSha256')}>
                  <Sha256 value={a.signedPdfSha256} testId="agreement-signed-pdf-sha256" />
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('agreements.field.period')}>
                {formatDateRange(t, terms.dates.start, terms.dates.end)}
              </Descriptions.Item>
              <Descriptions.Item label={t('agreements.field.school')}>
                <span data-user-entered="true">{terms.school.name}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('agreements.field.updatedAt')}>{formatDateTime(a.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('agreements.detail.parties')} size="small" data-testid="agreement-parties-card">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <PartyTags parties={a.parties} signed={signed} />
              <SignatureLines signatures={a.signatures} />
            </Space>
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <Card
            title={t('agreements.insurance.card')}
            size="small"
            data-testid="agreement-insurance"
            extra={
              admin &&
              open && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('insurance')} data-testid="agreement-insurance-edit">
                  {insurance ? t('agreements.insurance.change') : t('agreements.insurance.enter')}
                </Button>
              )
            }
          >
            {insurance ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('agreements.insurance.insurer')}>
                  <span data-user-entered="true">{insurance.insurer}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('agreements.insurance.policyNo')}>
                  <Typography.Text code data-testid="agreement-policy-no">
                    {insurance.policyNo}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('agreements.insurance.coverage')}>
                  {formatDateRange(t, insurance.coverageStart, insurance.coverageEnd)}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('agreements.insurance.none')}</Typography.Text>
            )}
            {insurance && !insuranceCovers && (
              <Alert
                type="error"
                showIcon
                title={t('agreements.insurance.notCovering', { period: formatDateRange(t, terms.dates.start, terms.dates.end) })}
                data-testid="agreement-insurance-not-covering"
              />
            )}
          </Card>
        </Col>

        {needsGuardian && (
          <Col xs={24} lg={12}>
            <Card
              title={t('agreements.guardian.card')}
              size="small"
              data-testid="agreement-guardian"
              extra={
                school &&
                open &&
                !guardianSigned && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('guardian')} data-testid="agreement-guardian-edit">
                    {terms.guardian ? t('agreements.guardian.change') : t('agreements.guardian.enter')}
                  </Button>
                )
              }
            >
              <Typography.Paragraph type="secondary">{t('agreements.guardian.why')}</Typography.Paragraph>
              {terms.guardian ? (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('agreements.guardian.name')}>
                    <span data-user-entered="true" data-testid="agreement-guardian-name">
                      {terms.guardian.name}
                    </span>
                  </Descriptions.Item>
                  {terms.guardian.phone && (
                    <Descriptions.Item label={t('agreements.guardian.phone')}>{terms.guardian.phone}</Descriptions.Item>
                  )}
                  {terms.guardian.email && (
                    <Descriptions.Item label={t('agreements.guardian.email')}>{terms.guardian.email}</Descriptions.Item>
                  )}
                </Descriptions>
              ) : (
                <Typography.Text type="secondary">
                  {school ? t('agreements.guardian.noneSchool') : t('agreements.guardian.none')}
                </Typography.Text>
              )}
              {school && open && !guardianSigned && terms.guardian && (
                <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
                  <Button
                    icon={<SendOutlined />}
                    disabled={!a.signingOpen}
                    loading={guardianLink.isPending}
                    onClick={() => guardianLink.mutate(a.id)}
                    data-testid="agreement-guardian-link"
                  >
                    {linkSent ? t('agreements.guardian.sendAgain') : t('agreements.guardian.send')}
                  </Button>
                  {!a.signingOpen && <Typography.Text type="secondary">{t('agreements.guardian.afterInsurance')}</Typography.Text>}
                  {linkSent && (
                    <Alert
                      type="success"
                      showIcon
                      data-testid="agreement-guardian-link-sent"
                      data-channel={linkSent.channel}
                      title={t(`agreements.guardian.linkSent.${linkSent.channel}`, { until: formatDateTime(linkSent.expiresAt) })}
                      description={linkSent.channel === 'email' ? terms.guardian.email : (terms.guardian.phone ?? terms.guardian.email)}
                    />
                  )}
                  <AgreementProblemAlert error={guardianLink.error} testId="agreement-guardian-link-error" />
                </Space>
              )}
            </Card>
          </Col>
        )}

        <Col xs={24}>
          <Card
            title={
              <Space>
                <SafetyCertificateOutlined />
                {t('agreements.detail.text', { version: a.version })}
              </Space>
            }
            size="small"
          >
            <AgreementText text={a.text} />
          </Card>
        </Col>
      </Row>

      <OnceOpened open={dialog === 'sign'}>
        <SignDialog agreement={a} open={dialog === 'sign'} onClose={() => setDialog(null)} onOutdated={setOutdated} />
      </OnceOpened>
      <OnceOpened open={dialog === 'insurance'}>
        <InsuranceDialog agreement={a} open={dialog === 'insurance'} onClose={() => setDialog(null)} />
      </OnceOpened>
      <OnceOpened open={dialog === 'guardian'}>
        <GuardianDialog agreement={a} open={dialog === 'guardian'} onClose={() => setDialog(null)} />
      </OnceOpened>
    </div>
  );
}

/** What the agreement waits for, said from the reader's side. */
function StateAlert({ agreement: a, canSign }: { agreement: AgreementView; canSign: boolean }) {
  const { t } = useTranslation();
  const common = { showIcon: true, style: { marginBottom: 16 }, 'data-testid': 'agreement-state' } as const;
  if (a.status === 'void') return <Alert {...common} type="warning" data-state="void" title={t('agreements.state.void')} />;
  if (a.status === 'signed') return <Alert {...common} type="success" data-state="signed" title={t('agreements.state.signed')} />;
  if (canSign)
    return <Alert {...common} type="error" data-state="awaiting_me" title={t('agreements.state.awaitingMe', { version: a.version })} />;
  if (!a.signingOpen)
    return <Alert {...common} type="info" data-state="awaiting_insurance" title={t('agreements.state.awaitingInsurance')} />;
  const missing = a.parties.filter((p) => !a.signatures.some((s) => s.party === p)).map((p) => t(`agreements.party.${p}`));
  return (
    <Alert
      {...common}
      type="info"
      data-state="signing"
      title={t('agreements.state.signing', { parties: missing.join(t('agreements.listSeparator')) })}
    />
  );
}
