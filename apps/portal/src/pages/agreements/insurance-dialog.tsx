import type { AgreementView } from '@skillbridge/contracts';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSetInsurance } from '../../api/agreements.hooks';
import { formatDateRange } from '../../components/figures';
import { showFieldErrors } from '../../components/form-errors';
import { usePanelWidth } from '../../components/use-is-phone';
import { AgreementProblemAlert } from './agreement-parts';

interface InsuranceForm {
  insurer: string;
  policyNo: string;
  coverage: [Dayjs, Dayjs];
}

const ISO = 'YYYY-MM-DD';

/**
 * 实习责任保险 (`PUT /agreements/:id/insurance`), entered by the school or the enterprise: the insurer, the policy
 * number and the coverage, which must cover the internship's whole length. A change is a new version of the
 * terms: signatures already given are void, which the dialog says first.
 */
export function InsuranceDialog({ agreement, open, onClose }: { agreement: AgreementView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InsuranceForm>();
  const { start, end } = agreement.terms.dates;
  const current = agreement.terms.insurance;
  const save = useSetInsurance({
    onSuccess: (view) => {
      void message.success(t('agreements.insurance.saved', { version: view.version }));
      onClose();
    },
    onError: (error) => showFieldErrors(form, error, ['insurer', 'policyNo', 'coverageStart', 'coverageEnd']),
  });
  const covers = (range: [Dayjs, Dayjs] | undefined) => !range || (range[0].format(ISO) <= start && range[1].format(ISO) >= end);

  return (
    <Modal
      open={open}
      title={t('agreements.insurance.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'insurance-submit' }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={usePanelWidth(560)}
      destroyOnHidden
      afterOpenChange={(opened) => opened && save.reset()}
    >
      <div data-testid="insurance-dialog">
        <Typography.Paragraph type="secondary">
          {t('agreements.insurance.help', { period: formatDateRange(t, start, end) })}
        </Typography.Paragraph>
        {agreement.signatures.length > 0 && (
          <Alert type="warning" showIcon title={t('agreements.insurance.voidsSignatures')} style={{ marginBottom: 16 }} />
        )}
        <Form<InsuranceForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            current
              ? {
                  insurer: current.insurer,
                  policyNo: current.policyNo,
                  coverage: [dayjs(current.coverageStart), dayjs(current.coverageEnd)],
                }
              : { coverage: [dayjs(start), dayjs(end)] }
          }
          onFinish={(values) =>
            save.mutate({
              id: agreement.id,
              body: {
                insurer: values.insurer.trim(),
                policyNo: values.policyNo.trim(),
                coverageStart: values.coverage[0].format(ISO),
                coverageEnd: values.coverage[1].format(ISO),
              },
            })
          }
        >
          <Form.Item
            name="insurer"
            label={t('agreements.insurance.insurer')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 100, message: t('validation.length', { min: 1, max: 100 }) },
            ]}
          >
            <Input maxLength={100} placeholder={t('agreements.insurance.insurerPlaceholder')} data-testid="insurance-insurer" />
          </Form.Item>
          <Form.Item
            name="policyNo"
            label={t('agreements.insurance.policyNo')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { min: 4, max: 64, message: t('validation.length', { min: 4, max: 64 }) },
            ]}
          >
            <Input maxLength={64} placeholder="PICC-2027-0001" data-testid="insurance-policy" />
          </Form.Item>
          <Form.Item
            name="coverage"
            label={t('agreements.insurance.coverage')}
            rules={[
              { required: true, message: t('validation.required') },
              {
                validator: (_r, range: [Dayjs, Dayjs] | undefined) =>
                  covers(range)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('agreements.insurance.notCovering', { period: formatDateRange(t, start, end) }))),
              },
            ]}
          >
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              data-testid="insurance-coverage"
              placeholder={[t('agreements.insurance.coverageStart'), t('agreements.insurance.coverageEnd')]}
            />
          </Form.Item>
        </Form>
        <AgreementProblemAlert error={save.error} testId="insurance-error" />
      </div>
    </Modal>
  );
}
