import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { AuthCard, useSubmission } from '../../components/auth-card';
import { ProblemAlert } from '../../components/problem-alert';

interface LoginForm {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, ended, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; passwordReset?: boolean } | null;
  const from = state?.from;
  const { error, clearError, submitting, submit } = useSubmission(async (values: LoginForm) => {
    await login({ email: values.email.trim(), password: values.password });
    navigate(from ?? '/home', { replace: true });
  });

  if (status === 'signed-in') return <Navigate to={from ?? '/home'} replace />;

  return (
    <AuthCard
      testId="login-card"
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      footer={
        <span className="sb-text-secondary">
          {t('app.footer')} ·{' '}
          <Link to="/verify" data-testid="verify-link">
            {t('agreements.verify.link')}
          </Link>
        </span>
      }
    >
      {ended === 'expired' && error === null && (
        <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} data-testid="session-expired" />
      )}
      {state?.passwordReset && error === null && (
        <Alert type="success" showIcon title={t('account.reset.done')} style={{ marginBottom: 16 }} data-testid="password-reset-done" />
      )}
      <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} onValuesChange={clearError}>
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input
            data-testid="login-email"
            prefix={<MailOutlined />}
            autoComplete="username"
            placeholder={t('login.emailPlaceholder')}
            size="large"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={
            <Link to="/forgot-password" data-testid="forgot-link">
              {t('account.forgot.link')}
            </Link>
          }
        >
          <Input.Password data-testid="login-password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        {error !== null && (
          <Form.Item>
            <ProblemAlert error={error} testId="login-error" />
          </Form.Item>
        )}
        <Button data-testid="login-submit" type="primary" htmlType="submit" size="large" block loading={submitting}>
          {t('login.submit')}
        </Button>
      </Form>
      <p className="sb-auth-link" style={{ marginTop: 20 }}>
        {t('login.noAccount')} <Link to="/register">{t('login.registerEnterprise')}</Link>
      </p>
      <p className="sb-auth-link" style={{ marginTop: 8 }}>
        <Link to="/activate" data-testid="activate-link">
          {t('imports.activate.link')}
        </Link>
      </p>
    </AuthCard>
  );
}
