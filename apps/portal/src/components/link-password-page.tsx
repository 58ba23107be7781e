import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { AuthCard, useSubmission } from './auth-card';
import { ProblemAlert } from './problem-alert';
import '../antd-rest-style';

/** The API's password rules (common/validators.ts), checked here first. */
export const PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/;

/** The secret of an e-mailed link: in the fragment (`#token=…`), which the browser never sends to a server. */
export function tokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[\w-]{43}$/.test(token) ? token : null;
}

interface NewPasswordForm {
  password: string;
  repeat: string;
}

/**
 * The page an e-mailed one-time link opens (a password reset, a registration's confirmation): the
 * link's secret from the fragment and a new password typed twice, under the same rules as everywhere.
 * `texts` is the i18n prefix of the page's words (title, subtitle, noToken, password, repeat,
 * mismatch, submit), `testId` the prefix of its test ids.
 */
export function LinkPasswordPage({
  texts,
  testId,
  onSubmit,
  footer,
}: {
  texts: string;
  testId: string;
  onSubmit: (token: string, password: string) => Promise<void>;
  footer: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = useMemo(() => tokenOf(hash), [hash]);
  const { error, clearError, submitting, submit } = useSubmission((values: NewPasswordForm) => onSubmit(token ?? '', values.password));

  return (
    <AuthCard testId={`${testId}-card`} title={t(`${texts}.title`)} subtitle={t(`${texts}.subtitle`)}>
      {token === null ? (
        <Alert type="error" showIcon data-testid={`${testId}-no-token`} title={t(`${texts}.noToken`)} />
      ) : (
        <Form<NewPasswordForm>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
          onValuesChange={clearError}
        >
          <Form.Item
            name="password"
            label={t(`${texts}.password`)}
            extra={t('validation.passwordHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: PASSWORD, message: t('validation.password') },
            ]}
          >
            <Input.Password data-testid={`${testId}-password`} prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t(`${texts}.repeat`)}
            dependencies={['password']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t(`${texts}.mismatch`))),
              }),
            ]}
          >
            <Input.Password data-testid={`${testId}-repeat`} prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          {error !== null && (
            <Form.Item>
              <ProblemAlert error={error} testId={`${testId}-error`} />
            </Form.Item>
          )}
          <Button data-testid={`${testId}-submit`} type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t(`${texts}.submit`)}
          </Button>
        </Form>
      )}
      <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
        <Link to={footer.to}>{footer.label}</Link>
        {' · '}
        <Link to="/login">{t('account.backToLogin')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
