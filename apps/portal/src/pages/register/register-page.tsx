import { type RegisterEnterpriseRequest, type RegisterEnterpriseResponse } from '@skillbridge/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Divider, Form, Input, Result, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { enterprisesApi } from '../../api/enterprises.api';
import { showFieldErrors } from '../../components/form-errors';
import { districtOptions, ownershipOptions } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { Brand } from '../../layout/brand';
import { LanguageSwitch } from '../../layout/language-switch';

const FIELDS = ['name', 'uscc', 'ownership', 'industry', 'district', 'adminName', 'adminEmail', 'adminPassword'] as const;

/** Public self-registration of an enterprise and its first admin; it starts unverified. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterEnterpriseRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const problemText = useProblemText();
  const register = useMutation<RegisterEnterpriseResponse, unknown, RegisterEnterpriseRequest>({
    mutationFn: enterprisesApi.register,
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
        {register.data ? (
          <Result
            status="success"
            title={t('register.doneTitle')}
            subTitle={t('register.doneText', { name: register.data.enterprise.name, email: register.data.admin.email })}
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
              onFinish={(values) => register.mutate({ ...values, uscc: values.uscc.trim().toUpperCase(), adminEmail: values.adminEmail.trim() })}
            >
              <Divider titlePlacement="start" plain>
                {t('register.enterpriseSection')}
              </Divider>
              <Form.Item name="name" label={t('enterprise.name')} rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) },
                ]}>
                <Input />
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
                <Input maxLength={18} style={{ fontFamily: 'monospace', letterSpacing: 1 }} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item name="ownership" label={t('enterprise.ownership')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select options={ownershipOptions(t)} placeholder={t('common.select')} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="district" label={t('enterprise.district')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select options={districtOptions(t)} placeholder={t('common.select')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="industry" label={t('enterprise.industry')} rules={[{ required: true, max: 50, message: t('validation.required') }]}>
                <Input placeholder={t('register.industryPlaceholder')} />
              </Form.Item>
              <Divider titlePlacement="start" plain>
                {t('register.adminSection')}
              </Divider>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item name="adminName" label={t('register.adminName')} rules={[{ required: true, max: 50, message: t('validation.required') }]}>
                    <Input />
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
                    <Input autoComplete="email" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="adminPassword"
                label={t('register.adminPassword')}
                extra={t('validation.passwordHint')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/, message: t('validation.password') },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              {register.error !== null && (
                <Form.Item>
                  <ProblemAlert error={register.error} fieldsShown={placed} />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
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
