import { App, Button, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetHeadcount } from '../../api/enterprises.hooks';
import { ProblemAlert } from '../../components/problem-alert';

/** `PUT /enterprises/:id/headcounts/:year`: the staff count the year's intern quota is computed from. */
export function HeadcountForm({ enterpriseId, year, current }: { enterpriseId: string; year: number; current?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ employees: number }>();
  const save = useSetHeadcount(enterpriseId, year, { onSuccess: () => void message.success(t('enterprise.headcountSaved')) });

  useEffect(() => {
    form.setFieldsValue({ employees: current });
  }, [current, form]);

  return (
    <Form form={form} layout="inline" onFinish={({ employees }) => save.mutate(employees)} data-testid="headcount-form">
      <Typography.Paragraph type="secondary" style={{ width: '100%' }}>
        {t('enterprise.headcountHelp')}
      </Typography.Paragraph>
      <Form.Item
        name="employees"
        label={t('enterprise.employees')}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'integer', min: 0, max: 10_000_000, message: t('validation.wholeNumber') },
        ]}
      >
        <InputNumber
          min={0}
          max={10_000_000}
          precision={0}
          style={{ width: 200 }}
          placeholder={t('enterprise.employeesPlaceholder')}
          suffix={t('enterprise.employeesUnit')}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-headcount">
          {t('common.save')}
        </Button>
      </Form.Item>
      {save.error && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={save.error} />
        </div>
      )}
    </Form>
  );
}
