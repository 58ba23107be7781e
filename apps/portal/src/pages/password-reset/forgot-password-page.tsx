import { MailOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { authApi } from '../../api/auth.api';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { AuthCard, useSubmission } from '../../components/auth-card';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import '../../antd-rest-style';

/**
 * 忘记密码: asks for a reset link. The answer is the same whether or not the e-mail has an account,
 * so the page says "if", and never which.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const general = useProblemText();
  // Its limit counts requests, not failed sign-ins: words of its own.
  const problemText = (error: unknown) =>
    error instanceof ApiError && error.code === 'RATE_LIMITED'
      ? t('account.forgot.tooMany', { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) })
      : general(error);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { error, clearError, submitting, submit } = useSubmission(async ({ email }: { email: string }) => {
    await authApi.requestPasswordReset(email.trim());
    setSentTo(email.trim());
  });

  if (status === 'signed-in') return <Navigate to="/home" replace />;

  return (
    <AuthCard testId="forgot-card" title={t('account.forgot.title')} subtitle={t('account.forgot.subtitle')}>
      {sentTo !== null ? (
        <Alert
          type="success"
          showIcon
          data-testid="forgot-sent"
          title={t('account.forgot.sentTitle')}
          description={t('account.forgot.sentText', { email: sentTo, minutes: 30 })}
        />
      ) : (
        <Form<{ email: string }>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
          onValuesChange={clearError}
        >
          <Form.Item
            name="email"
            label={t('account.forgot.email')}
            rules={[
              { required: true, message: t('validation.required') },
              { type: 'email', message: t('validation.email') },
            ]}
          >
            <Input data-testid="forgot-email" prefix={<MailOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          {error !== null && (
            <Form.Item>
              <ProblemAlert error={error} testId="forgot-error" text={problemText} />
            </Form.Item>
          )}
          <Button data-testid="forgot-submit" type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t('account.forgot.submit')}
          </Button>
        </Form>
      )}
      <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/login">{t('account.backToLogin')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
