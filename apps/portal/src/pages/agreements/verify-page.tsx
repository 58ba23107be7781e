import { FilePdfOutlined } from '@ant-design/icons';
import type { AgreementVerification } from '@skillbridge/contracts';
import { Alert, Descriptions, Result, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useVerifyAgreementPdf } from '../../api/agreements.hooks';
import { AuthCard } from '../../components/auth-card';
import { AgreementProblemAlert, Sha256, SignatureLines } from './agreement-parts';

/** The API takes a PDF of up to 10 MB. */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * 协议核验 (`/verify`, no sign-in): a PDF dropped or chosen is sent as it is (`POST /agreements/verify`); the answer
 * says whether it is exactly a signed version SkillBridge issued, and who signed it when. One byte changed and it is not.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const verify = useVerifyAgreementPdf();

  return (
    <AuthCard
      testId="verify-card"
      title={t('agreements.verify.title')}
      subtitle={t('agreements.verify.subtitle')}
      wide
      footer={
        <Link to="/login" className="sb-text-secondary">
          {t('agreements.verify.toLogin')}
        </Link>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Upload.Dragger
          accept="application/pdf,.pdf"
          multiple={false}
          showUploadList={false}
          beforeUpload={(chosen) => {
            setFile({ name: chosen.name, size: chosen.size });
            setTooLarge(chosen.size > MAX_BYTES);
            if (chosen.size > MAX_BYTES) verify.reset();
            else verify.mutate(chosen);
            return false;
          }}
          data-testid="verify-drop"
        >
          <p className="ant-upload-drag-icon">
            <FilePdfOutlined />
          </p>
          <p className="ant-upload-text">{t('agreements.verify.drop')}</p>
          <p className="ant-upload-hint">{t('agreements.verify.hint')}</p>
        </Upload.Dragger>
        {file && (
          <Typography.Text type="secondary" data-testid="verify-file">
            <span data-user-entered="true">{file.name}</span> · {t('agreements.verify.size', { kb: Math.ceil(file.size / 1024) })}
          </Typography.Text>
        )}
        {tooLarge && <Alert type="error" showIcon title={t('agreements.verify.tooLarge')} />}
        {verify.isPending && <Spin />}
        <AgreementProblemAlert error={verify.error} testId="verify-error" />
        {verify.data && <Verdict verification={verify.data} />}
      </Space>
    </AuthCard>
  );
}

function Verdict({ verification: v }: { verification: AgreementVerification }) {
  const { t } = useTranslation();
  return (
    <div data-testid="verify-result" data-valid={String(v.valid)}>
      <Result
        status={v.valid ? 'success' : 'error'}
        title={v.valid ? t('agreements.verify.valid') : t('agreements.verify.invalid')}
        subTitle={v.valid ? t('agreements.verify.validHelp', { version: v.version ?? '' }) : t('agreements.verify.invalidHelp')}
        style={{ padding: '16px 0' }}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('agreements.verify.fileSha256')}>
          <Sha256 value={v.sha256} />
        </Descriptions.Item>
        {v.agreementId && (
          <Descriptions.Item label={t('agreements.verify.agreement')}>
            <Typography.Text code className="sb-hash">
              {v.agreementId}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {v.version !== null && <Descriptions.Item label={t('agreements.field.version')}>{v.version}</Descriptions.Item>}
      </Descriptions>
      {v.signatures.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Title level={5}>{t('agreements.verify.signatures')}</Typography.Title>
          <SignatureLines signatures={v.signatures} />
        </div>
      )}
    </div>
  );
}
