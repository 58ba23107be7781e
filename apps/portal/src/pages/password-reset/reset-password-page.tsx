import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth.api';
import { AuthCard, useSubmission } from '../../components/auth-card';
import { ProblemAlert } from '../../components/problem-alert';

interface ResetForm {
  password: string;
  repeat: string;
}

/** The API's password rules (common/validators.ts), checked here first. */
const PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/;

/** The secret of an e-mailed link: in the fragment (`#token=…`), which the browser never sends to a server. */
function tokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[\w-]{43}$/.test(token) ? token : null;
}

/**
 * 重置密码: the page an e-mailed link opens. A new password (the same rules as everywhere) ends
 * every session of the account; the person then signs in with it.
 */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const token = useMemo(() => tokenOf(hash), [hash]);
  const { error, clearError, submitting, submit } = useSubmission(async (values: ResetForm) => {
    await authApi.resetPassword({ token: token ?? '', password: values.password });
    navigate('/login', { replace: true, state: { passwordReset: true } });
  });

  return (
    <AuthCard testId="reset-card" title={t('account.reset.title')} subtitle={t('account.reset.subtitle')}>
      {token === null ? (
        <Alert type="error" showIcon data-testid="reset-no-token" title={t('account.reset.noToken')} />
      ) : (
        <Form<ResetForm> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} onValuesChange={clearError}>
          <Form.Item
            name="password"
            label={t('account.reset.password')}
            extra={t('validation.passwordHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: PASSWORD, message: t('validation.password') },
            ]}
          >
            <Input.Password data-testid="reset-password" prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('account.reset.repeat')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('account.reset.mismatch')))),
              }),
            ]}
          >
            <Input.Password data-testid="reset-repeat" prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          {error !== null && (
            <Form.Item>
              <ProblemAlert error={error} testId="reset-error" />
            </Form.Item>
          )}
          <Button data-testid="reset-submit" type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t('account.reset.submit')}
          </Button>
        </Form>
      )}
      <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/forgot-password">{t('account.reset.askAgain')}</Link>
        {' · '}
        <Link to="/login">{t('account.backToLogin')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
