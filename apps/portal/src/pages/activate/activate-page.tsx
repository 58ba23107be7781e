import { KeyOutlined, LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { importsApi } from '../../api/imports.api';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem-alert';
import { Brand } from '../../layout/brand';
import { LanguageSwitch } from '../../layout/language-switch';

interface ActivateForm {
  email: string;
  code: string;
  password: string;
}

const PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/;

/** 激活账号: an account a school imported sets its first password with the school's one-time code. */
export default function ActivatePage() {
  const { t } = useTranslation();
  const { status, login } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status === 'signed-in') return <Navigate to="/home" replace />;

  const submit = async (values: ActivateForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const email = values.email.trim();
      await importsApi.activate({ email, code: values.code.trim(), password: values.password });
      // The session signs in as the login page does, with the password just set.
      await login({ email, password: values.password });
      navigate('/home', { replace: true });
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
      <Card className="sb-auth-card" data-testid="activate-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('imports.activate.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('imports.activate.subtitle')}</Typography.Paragraph>
        <Form<ActivateForm> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} onValuesChange={() => setError(null)}>
          <Form.Item
            name="email"
            label={t('imports.activate.email')}
            rules={[
              { required: true, message: t('validation.required') },
              { type: 'email', message: t('validation.email') },
            ]}
          >
            <Input data-testid="activate-email" prefix={<MailOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="code" label={t('imports.activate.code')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input data-testid="activate-code" prefix={<KeyOutlined />} autoComplete="one-time-code" size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('imports.activate.password')}
            extra={t('imports.activate.passwordHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: PASSWORD, message: t('imports.activate.passwordHint') },
            ]}
          >
            <Input.Password data-testid="activate-password" prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          {error !== null && (
            <Form.Item>
              <ProblemAlert error={error} testId="activate-error" />
            </Form.Item>
          )}
          <Button data-testid="activate-submit" type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t('imports.activate.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/login">{t('imports.activate.backToLogin')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
