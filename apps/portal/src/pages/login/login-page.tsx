import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem-alert';
import { Brand } from '../../layout/brand';
import { LanguageSwitch } from '../../layout/language-switch';

interface LoginForm {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, ended, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (status === 'signed-in') return <Navigate to={from ?? '/home'} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login({ email: values.email.trim(), password: values.password });
      navigate(from ?? '/home', { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="sb-auth">
      <div className="sb-auth-top" style={{ maxWidth: 420 }}>
        <Brand />
        <LanguageSwitch />
      </div>
      <Card className="sb-auth-card" data-testid="login-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {ended === 'expired' && error === null && (
          <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} data-testid="session-expired" />
        )}
        <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} onValuesChange={() => setError(null)}>
          <Form.Item
            name="email"
            label={t('login.email')}
            rules={[
              { required: true, message: t('validation.required') },
              { type: 'email', message: t('validation.email') },
            ]}
          >
            <Input data-testid="login-email" prefix={<MailOutlined />} autoComplete="username" placeholder={t('login.emailPlaceholder')} size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
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
        <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
          {t('login.noAccount')} <Link to="/register">{t('login.registerEnterprise')}</Link>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/activate" data-testid="activate-link">
            {t('imports.activate.link')}
          </Link>
        </Typography.Paragraph>
      </Card>
      <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
    </div>
  );
}
