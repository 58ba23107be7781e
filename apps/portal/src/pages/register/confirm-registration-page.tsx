import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { enterprisesApi } from '../../api/enterprises.api';
import { useSession } from '../../auth/session';
import { AuthCard, useSubmission } from '../../components/auth-card';
import { ProblemAlert } from '../../components/problem-alert';

interface ConfirmForm {
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
 * 完成注册: the page a registration e-mail's link opens. The admin chooses the password here (whoever
 * holds the mailbox, never whoever typed the address), the enterprise is created awaiting
 * verification, and the admin is signed in to its home.
 */
export default function ConfirmRegistrationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { adopt } = useSession();
  const { hash } = useLocation();
  const token = useMemo(() => tokenOf(hash), [hash]);
  const { error, clearError, submitting, submit } = useSubmission(async (values: ConfirmForm) => {
    const signedIn = await enterprisesApi.confirm({ token: token ?? '', password: values.password });
    await adopt(signedIn);
    navigate('/home', { replace: true });
  });

  return (
    <AuthCard testId="register-confirm-card" title={t('register.confirm.title')} subtitle={t('register.confirm.subtitle')}>
      {token === null ? (
        <Alert type="error" showIcon data-testid="register-confirm-no-token" title={t('register.confirm.noToken')} />
      ) : (
        <Form<ConfirmForm> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} onValuesChange={clearError}>
          <Form.Item
            name="password"
            label={t('register.confirm.password')}
            extra={t('validation.passwordHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: PASSWORD, message: t('validation.password') },
            ]}
          >
            <Input.Password data-testid="register-confirm-password" prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('register.confirm.repeat')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('register.confirm.mismatch')))),
              }),
            ]}
          >
            <Input.Password data-testid="register-confirm-repeat" prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          {error !== null && (
            <Form.Item>
              <ProblemAlert error={error} testId="register-confirm-error" />
            </Form.Item>
          )}
          <Button data-testid="register-confirm-submit" type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t('register.confirm.submit')}
          </Button>
        </Form>
      )}
      <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/register">{t('register.confirm.registerAgain')}</Link>
        {' · '}
        <Link to="/login">{t('register.backToLogin')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
