import { KeyOutlined, LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { importsApi } from '../../api/imports.api';
import { useSession } from '../../auth/session';
import { AuthCard, useSubmission } from '../../components/auth-card';
import { PASSWORD } from '../../components/link-password-page';
import { ProblemAlert } from '../../components/problem-alert';
import '../../antd-rest-style';

interface ActivateForm {
  email: string;
  code: string;
  password: string;
}

/** 激活账号: an account a school imported sets its first password with the school's one-time code. */
export default function ActivatePage() {
  const { t } = useTranslation();
  const { status, login } = useSession();
  const navigate = useNavigate();
  const { error, clearError, submitting, submit } = useSubmission(async (values: ActivateForm) => {
    const email = values.email.trim();
    await importsApi.activate({ email, code: values.code.trim(), password: values.password });
    // The session signs in as the login page does, with the password just set.
    await login({ email, password: values.password });
    navigate('/home', { replace: true });
  });

  if (status === 'signed-in') return <Navigate to="/home" replace />;

  return (
    <AuthCard testId="activate-card" title={t('imports.activate.title')} subtitle={t('imports.activate.subtitle')}>
      <Form<ActivateForm> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} onValuesChange={clearError}>
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
    </AuthCard>
  );
}
