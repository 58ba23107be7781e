import type { AgreementView } from '@skillbridge/contracts';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetGuardian } from '../../api/agreements.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { usePanelWidth } from '../../components/use-is-phone';
import { AgreementProblemAlert } from './agreement-parts';

interface GuardianForm {
  name: string;
  phone?: string;
  email?: string;
}

const PHONE = /^\+?[\d\s-]{7,20}$/;

/**
 * 监护人 (`PUT /students/:id/guardian`): the school's record of the guardian of a student under 18 — never
 * entered by the student — with a phone or an e-mail for the one-time link. The unsigned agreements of the
 * student get a new version naming them.
 */
export function GuardianDialog({ agreement, open, onClose }: { agreement: AgreementView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GuardianForm>();
  const current = agreement.terms.guardian;
  const save = useSetGuardian({
    onSuccess: () => {
      void message.success(t('agreements.guardian.saved'));
      onClose();
    },
    onError: (error) => showFieldErrors(form, error, ['name', 'phone', 'email']),
  });

  return (
    <Modal
      open={open}
      title={t('agreements.guardian.title', { student: agreement.terms.student.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'guardian-submit' }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={usePanelWidth(520)}
      destroyOnHidden
      afterOpenChange={(opened) => opened && save.reset()}
    >
      <div data-testid="guardian-dialog">
        <Typography.Paragraph type="secondary">{t('agreements.guardian.help')}</Typography.Paragraph>
        {agreement.signatures.length > 0 && (
          <Alert type="warning" showIcon title={t('agreements.guardian.voidsSignatures')} style={{ marginBottom: 16 }} />
        )}
        <Form<GuardianForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={current ? { name: current.name, phone: current.phone ?? undefined, email: current.email ?? undefined } : {}}
          onFinish={(values) =>
            save.mutate({
              studentId: agreement.terms.student.id,
              body: {
                name: values.name.trim(),
                ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
                ...(values.email?.trim() ? { email: values.email.trim() } : {}),
              },
            })
          }
        >
          <Form.Item
            name="name"
            label={t('agreements.guardian.name')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 50, message: t('validation.length', { min: 1, max: 50 }) },
            ]}
          >
            <Input maxLength={50} autoComplete="off" data-testid="guardian-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('agreements.guardian.phone')}
            dependencies={['email']}
            rules={[
              { pattern: PHONE, message: t('agreements.guardian.phoneFormat') },
              ({ getFieldValue }) => ({
                validator: (_r, phone?: string) =>
                  phone?.trim() || (getFieldValue('email') as string | undefined)?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('agreements.guardian.phoneOrEmail'))),
              }),
            ]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="guardian-phone" />
          </Form.Item>
          <Form.Item name="email" label={t('agreements.guardian.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
            <Input maxLength={200} inputMode="email" autoComplete="off" data-testid="guardian-email" />
          </Form.Item>
        </Form>
        <AgreementProblemAlert error={save.error} testId="guardian-error" />
      </div>
    </Modal>
  );
}
