import { type RegisterEnterpriseRequest } from '@skillbridge/contracts';
import { Button, Card, Col, Divider, Form, Input, Result, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useRegisterEnterprise } from '../../api/enterprises.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { districtOptions, ownershipOptions } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { Brand } from '../../layout/brand';
import { LanguageSwitch } from '../../layout/language-switch';
import '../../antd-rest-style';

const FIELDS = ['name', 'uscc', 'ownership', 'industry', 'district', 'adminName', 'adminEmail'] as const;

/**
 * Public self-registration of an enterprise and its first admin. The answer is the same whether or
 * not the e-mail has an account, so the page only says "check your e-mail": the link there finishes
 * the registration (the password is chosen on that page), or the e-mail says the address has an account.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterEnterpriseRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const general = useProblemText();
  // Its limit counts registrations, not failed sign-ins: words of its own.
  const problemText = (error: unknown) =>
    error instanceof ApiError && error.code === 'RATE_LIMITED'
      ? t('register.tooMany', { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) })
      : general(error);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const register = useRegisterEnterprise({
    onSuccess: (_done, body) => setSentTo(body.adminEmail),
    onError: (error) => {
      const shown = showFieldErrors(form, error, FIELDS);
      // A code that cannot have been issued, or one a verified enterprise holds: said beside the code.
      if (error instanceof ApiError && (error.code === 'USCC_VOID' || error.code === 'USCC_TAKEN')) {
        form.setFields([{ name: 'uscc', errors: [problemText(error)] }]);
        shown.push('uscc');
      }
      setPlaced(shown);
    },
  });

  return (
    <div className="sb-auth">
      <div className="sb-auth-top">
        <Brand />
        <LanguageSwitch />
      </div>
      <Card className="sb-auth-card sb-wide" data-testid="register-card">
        {sentTo !== null ? (
          <Result
            status="success"
            data-testid="register-sent"
            title={t('register.sentTitle')}
            subTitle={t('register.sentText', { email: sentTo, hours: 24 })}
            extra={
              <Link to="/login">
                <Button type="primary">{t('register.backToLogin')}</Button>
              </Link>
            }
          />
        ) : (
          <>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {t('register.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('register.subtitle')}</Typography.Paragraph>
            <Form<RegisterEnterpriseRequest>
              form={form}
              layout="vertical"
              onFinish={(values) =>
                register.mutate({ ...values, uscc: values.uscc.trim().toUpperCase(), adminEmail: values.adminEmail.trim() })
              }
            >
              <Divider titlePlacement="start" plain>
                {t('register.enterpriseSection')}
              </Divider>
              <Form.Item
                name="name"
                label={t('enterprise.name')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) },
                ]}
              >
                <Input data-testid="register-name" />
              </Form.Item>
              <Form.Item
                name="uscc"
                label={t('enterprise.uscc')}
                extra={t('register.usccHint')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/, message: t('validation.uscc') },
                ]}
              >
                <Input data-testid="register-uscc" maxLength={18} style={{ fontFamily: 'monospace', letterSpacing: 1 }} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="ownership"
                    label={t('enterprise.ownership')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Select data-testid="register-ownership" options={ownershipOptions(t)} placeholder={t('common.select')} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="district"
                    label={t('enterprise.district')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Select data-testid="register-district" options={districtOptions(t)} placeholder={t('common.select')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="industry"
                label={t('enterprise.industry')}
                rules={[{ required: true, max: 50, message: t('validation.required') }]}
              >
                <Input data-testid="register-industry" placeholder={t('register.industryPlaceholder')} />
              </Form.Item>
              <Divider titlePlacement="start" plain>
                {t('register.adminSection')}
              </Divider>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="adminName"
                    label={t('register.adminName')}
                    rules={[{ required: true, max: 50, message: t('validation.required') }]}
                  >
                    <Input data-testid="register-admin-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="adminEmail"
                    label={t('register.adminEmail')}
                    rules={[
                      { required: true, message: t('validation.required') },
                      { type: 'email', message: t('validation.email') },
                    ]}
                  >
                    <Input data-testid="register-admin-email" autoComplete="email" />
                  </Form.Item>
                </Col>
              </Row>
              {register.error !== null && (
                <Form.Item>
                  <ProblemAlert error={register.error} fieldsShown={placed} text={problemText} />
                </Form.Item>
              )}
              <Button data-testid="register-submit" type="primary" htmlType="submit" size="large" block loading={register.isPending}>
                {t('register.submit')}
              </Button>
            </Form>
            <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }}>
              {t('register.haveAccount')} <Link to="/login">{t('register.backToLogin')}</Link>
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </div>
  );
}
