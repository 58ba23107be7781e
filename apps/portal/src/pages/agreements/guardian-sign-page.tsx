import { DownloadOutlined } from '@ant-design/icons';
import type { GuardianAgreementView } from '@skillbridge/contracts';
import { Alert, Button, Checkbox, Descriptions, Result, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useGuardianAgreement, useGuardianPdf, useGuardianSign } from '../../api/agreements.hooks';
import { ApiError, saveFile } from '../../api/client';
import { AuthCard } from '../../components/auth-card';
import { formatDateTime } from '../../components/labels';
import { tokenOf } from '../../components/link-password-page';
import { AgreementProblemAlert, AgreementText, Sha256, useAgreementProblemText } from './agreement-parts';

/**
 * 监护人签署 (`/guardian-sign#token=…`, no account): the page the guardian's one-time link opens. The secret is in
 * the fragment, which no server sees; the page sends it in a body. The guardian reads the version (opening it is
 * recorded: signing before seeing is refused), may download its PDF, then signs it as the guardian.
 */
export default function GuardianSignPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = useMemo(() => tokenOf(hash), [hash]);
  const view = useGuardianAgreement(token);
  const problemText = useAgreementProblemText();

  return (
    <AuthCard testId="guardian-sign-card" title={t('agreements.guardianSign.title')} subtitle={t('agreements.guardianSign.subtitle')} wide>
      {token === null ? (
        <Alert type="error" showIcon data-testid="guardian-sign-no-token" title={t('agreements.guardianSign.noToken')} />
      ) : view.data ? (
        <GuardianDocument token={token} agreement={view.data} />
      ) : view.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="guardian-sign-invalid"
          data-code={view.error instanceof ApiError ? view.error.code : undefined}
          title={problemText(view.error)}
          description={t('agreements.guardianSign.askSchool')}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </AuthCard>
  );
}

function GuardianDocument({ token, agreement: a }: { token: string; agreement: GuardianAgreementView }) {
  const { t } = useTranslation();
  const [read, setRead] = useState(false);
  const pdf = useGuardianPdf({ onSuccess: (blob) => saveFile(blob, `agreement-${a.agreementId.slice(0, 8)}-v${a.version}.pdf`) });
  const sign = useGuardianSign();

  if (sign.data)
    return (
      <Result
        status="success"
        data-testid="guardian-signed"
        title={t('agreements.guardianSign.done')}
        subTitle={t('agreements.guardianSign.doneAt', { at: formatDateTime(sign.data.signedAt) })}
      />
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="guardian-document">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('agreements.guardianSign.student')}>
          <span data-user-entered="true" data-testid="guardian-student">
            {a.studentName}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('agreements.guardianSign.guardian')}>
          <span data-user-entered="true">{a.guardianName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('agreements.field.version')}>{a.version}</Descriptions.Item>
        <Descriptions.Item label={t('agreements.field.sha256')}>
          <Sha256 value={a.termsSha256} />
        </Descriptions.Item>
        <Descriptions.Item label={t('agreements.guardianSign.expiresAt')}>{formatDateTime(a.expiresAt)}</Descriptions.Item>
      </Descriptions>
      <Button icon={<DownloadOutlined />} loading={pdf.isPending} onClick={() => pdf.mutate(token)} data-testid="guardian-pdf">
        {t('agreements.pdf')}
      </Button>
      <AgreementProblemAlert error={pdf.error} />
      <div className="sb-guardian-text" tabIndex={0} role="region" aria-label={t('agreements.guardianSign.textLabel')}>
        <AgreementText text={a.text} />
      </div>
      <Checkbox checked={read} onChange={(e) => setRead(e.target.checked)} data-testid="guardian-read">
        {t('agreements.guardianSign.read', { version: a.version })}
      </Checkbox>
      <Button
        type="primary"
        block
        size="large"
        disabled={!read}
        loading={sign.isPending}
        onClick={() => sign.mutate({ token, version: a.version, termsSha256: a.termsSha256 })}
        data-testid="guardian-sign-submit"
      >
        {t('agreements.guardianSign.submit')}
      </Button>
      <AgreementProblemAlert error={sign.error} testId="guardian-sign-error" />
    </Space>
  );
}
