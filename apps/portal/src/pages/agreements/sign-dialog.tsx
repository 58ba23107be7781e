import { LockOutlined, MailOutlined } from '@ant-design/icons';
import type { AgreementView } from '@skillbridge/contracts';
import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Modal, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReloadAgreement, useSendSigningCode, useSignAgreement } from '../../api/agreements.hooks';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../components/labels';
import { usePanelWidth } from '../../components/use-is-phone';
import { AgreementProblemAlert, Sha256 } from './agreement-parts';

type Method = 'password' | 'code';

interface SignForm {
  read: boolean;
  password?: string;
  code?: string;
}

/**
 * 签署 (`POST /agreements/:id/signatures`): the signer confirms the version they read — its number and SHA-256
 * are what the signature binds to — with their password, or a 6-digit code e-mailed to them
 * (`POST /agreements/:id/signing-codes`). A version replaced meanwhile is read again and said so (`onOutdated`).
 */
export function SignDialog({
  agreement,
  open,
  onClose,
  onOutdated,
}: {
  agreement: AgreementView;
  open: boolean;
  onClose: () => void;
  onOutdated: (readVersion: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SignForm>();
  const [method, setMethod] = useState<Method>('password');
  const [codeSentUntil, setCodeSentUntil] = useState<string | null>(null);
  const reload = useReloadAgreement();
  const sendCode = useSendSigningCode({ onSuccess: ({ expiresAt }) => setCodeSentUntil(expiresAt) });
  const sign = useSignAgreement({
    onSuccess: () => {
      void message.success(t('agreements.sign.done'));
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.code === 'AGREEMENT_VERSION_OUTDATED') {
        void reload(agreement.id);
        onOutdated(agreement.version);
        onClose();
      } else if (error.code === 'SIGNING_PASSWORD_INVALID') {
        form.setFields([{ name: 'password', errors: [t('agreements.problem.SIGNING_PASSWORD_INVALID')] }]);
      } else if (error.code === 'SIGNING_CODE_INVALID') {
        form.setFields([{ name: 'code', errors: [t('agreements.problem.SIGNING_CODE_INVALID')] }]);
      }
    },
  });
  const fieldError = sign.error instanceof ApiError && ['SIGNING_PASSWORD_INVALID', 'SIGNING_CODE_INVALID'].includes(sign.error.code);
  const party = agreement.mySide;

  return (
    <Modal
      open={open}
      title={t('agreements.sign.title', { party: party ? t(`agreements.party.${party}`) : '' })}
      okText={t('agreements.sign.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'sign-submit' }}
      confirmLoading={sign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={usePanelWidth(560)}
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (!opened) return;
        sign.reset();
        sendCode.reset();
        setCodeSentUntil(null);
      }}
    >
      <div data-testid="sign-dialog">
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('agreements.field.version')}>
            <span data-testid="sign-version">{agreement.version}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.field.sha256')}>
            <Sha256 value={agreement.termsSha256} />
          </Descriptions.Item>
        </Descriptions>
        <Form<SignForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          preserve={false}
          onFinish={(values) =>
            sign.mutate({
              id: agreement.id,
              body: {
                version: agreement.version,
                termsSha256: agreement.termsSha256,
                ...(method === 'password' ? { password: values.password ?? '' } : { code: (values.code ?? '').trim() }),
              },
            })
          }
        >
          <Form.Item
            name="read"
            valuePropName="checked"
            rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('agreements.sign.readRequired')))) }]}
          >
            <Checkbox data-testid="sign-read">{t('agreements.sign.read', { version: agreement.version })}</Checkbox>
          </Form.Item>
          <Form.Item label={t('agreements.sign.how')}>
            <Segmented<Method>
              value={method}
              onChange={(m) => {
                setMethod(m);
                sign.reset();
              }}
              options={[
                { value: 'password', label: t('agreements.sign.byPassword') },
                { value: 'code', label: t('agreements.sign.byCode') },
              ]}
              data-testid="sign-method"
            />
          </Form.Item>
          {method === 'password' ? (
            <Form.Item
              name="password"
              label={t('agreements.sign.password')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="sign-password" />
            </Form.Item>
          ) : (
            <>
              <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
                <Button
                  icon={<MailOutlined />}
                  loading={sendCode.isPending}
                  onClick={() => sendCode.mutate(agreement.id)}
                  data-testid="sign-send-code"
                >
                  {codeSentUntil ? t('agreements.sign.sendAgain') : t('agreements.sign.sendCode')}
                </Button>
                {codeSentUntil && (
                  <Alert
                    type="success"
                    showIcon
                    title={t('agreements.sign.codeSent', { until: formatDateTime(codeSentUntil) })}
                    data-testid="sign-code-sent"
                  />
                )}
                {sendCode.error && <AgreementProblemAlert error={sendCode.error} />}
              </Space>
              <Form.Item
                name="code"
                label={t('agreements.sign.code')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { pattern: /^\s*\d{6}\s*$/, message: t('agreements.sign.codeFormat') },
                ]}
              >
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} data-testid="sign-code" />
              </Form.Item>
            </>
          )}
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('agreements.sign.help')}
        </Typography.Paragraph>
        {sign.error && !fieldError && <AgreementProblemAlert error={sign.error} testId="sign-error" />}
      </div>
    </Modal>
  );
}
