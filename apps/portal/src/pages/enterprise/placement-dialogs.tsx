import type { PlacementView } from '@skillbridge/contracts';
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompletePlacementRequest } from '../../api/placements.api';
import { useActivatePlacement, useCompletePlacement } from '../../api/placements.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { ProblemAlert } from '../../components/problem-alert';

/** A moved placement is told by name, and its dialog closes. */
function useMoved(success: (p: PlacementView) => string, onDone: () => void) {
  const { message } = App.useApp();
  return {
    onSuccess: (saved: PlacementView) => {
      void message.success(success(saved));
      onDone();
    },
  };
}

/** `POST /placements/:id/activate`: starts only with the school's approval, insurance, and (under 18) a guardian's consent. */
export function ActivateDialog({ placement, onClose }: { placement: PlacementView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ insurancePolicyNo: string }>();
  const activate = useActivatePlacement(useMoved((p) => t('placements.activated', { name: p.person.name }), onClose));
  return (
    <Modal
      open={!!placement}
      title={t('placements.activateTitle', { name: placement?.person.name ?? '', slot: placement?.slot.title ?? '' })}
      okText={t('placements.activate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'activate-submit' }}
      confirmLoading={activate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && activate.reset()}
    >
      <Typography.Paragraph type="secondary">{t('placements.activateHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ insurancePolicyNo }) =>
          placement &&
          activate.mutate(
            { id: placement.id, insurancePolicyNo: insurancePolicyNo.trim() },
            { onError: (error) => showFieldErrors(form, error, ['insurancePolicyNo']) },
          )
        }
      >
        <Form.Item
          name="insurancePolicyNo"
          label={t('placements.insurancePolicyNo')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 4, max: 64, message: t('validation.length', { min: 4, max: 64 }) },
          ]}
        >
          <Input placeholder="PICC-2027-0001" maxLength={64} data-testid="insurance-policy-no" />
        </Form.Item>
      </Form>
      {activate.error && <ProblemAlert error={activate.error} fieldsShown={['insurancePolicyNo']} testId="activate-error" />}
    </Modal>
  );
}

/** `POST /placements/:id/complete`: the enterprise's evaluation (and, for a teacher, the days served). */
export function CompleteDialog({ placement, onClose }: { placement: PlacementView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CompletePlacementRequest>();
  const complete = useCompletePlacement(useMoved((p) => t('placements.completed', { name: p.person.name }), onClose));
  const teacher = placement?.kind === 'teacher';
  return (
    <Modal
      open={!!placement}
      title={t('placements.completeTitle', { name: placement?.person.name ?? '', slot: placement?.slot.title ?? '' })}
      okText={t('placements.complete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'complete-submit' }}
      confirmLoading={complete.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      afterOpenChange={(open) => open && complete.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          placement &&
          complete.mutate(
            {
              id: placement.id,
              body: {
                evaluation: values.evaluation.trim(),
                ...(teacher && values.daysServed !== undefined ? { daysServed: values.daysServed } : {}),
              },
            },
            { onError: (error) => showFieldErrors(form, error, ['evaluation', 'daysServed']) },
          )
        }
      >
        <Form.Item
          name="evaluation"
          label={t('placements.evaluation')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 5000, message: t('validation.length', { min: 1, max: 5000 }) },
          ]}
        >
          <Input.TextArea
            rows={5}
            maxLength={5000}
            showCount
            placeholder={t('placements.evaluationPlaceholder')}
            data-testid="evaluation"
          />
        </Form.Item>
        {teacher && (
          <Form.Item name="daysServed" label={t('placements.daysServed')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} max={366} precision={0} suffix={t('placements.days')} style={{ width: 160 }} />
          </Form.Item>
        )}
      </Form>
      {complete.error && <ProblemAlert error={complete.error} fieldsShown={['evaluation', 'daysServed']} />}
    </Modal>
  );
}
