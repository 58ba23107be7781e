import type { AgreementView, PlacementView } from '@skillbridge/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePlacementAgreement } from '../../api/agreements.hooks';
import type { CompletePlacementRequest } from '../../api/placements.api';
import { useActivatePlacement, useCompletePlacement } from '../../api/placements.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { formatDateRange } from '../../components/figures';
import { ProblemAlert } from '../../components/problem-alert';
import { useAgreementProblemText } from '../agreements/agreement-parts';
import { FormDraftNotice } from '../../offline/form-draft-notice';
import { useFormDraft } from '../../offline/use-form-draft';

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

/** What still stands between a placement and its start: its agreement's signatures, and insurance covering its dates. */
function agreementBlock(agreement: AgreementView): 'unsigned' | 'notCovering' | null {
  const insurance = agreement.terms.insurance;
  const { start, end } = agreement.terms.dates;
  if (insurance && (insurance.coverageStart > start || insurance.coverageEnd < end)) return 'notCovering';
  return agreement.status === 'signed' ? null : 'unsigned';
}

/**
 * `POST /placements/:id/activate`: starts only once its tripartite agreement is signed by every party and the
 * insurance the agreement names covers its dates. The dialog reads the agreement first and says what is missing,
 * with a link to it; the policy number is the agreement's.
 */
export function ActivateDialog({ placement, onClose }: { placement: PlacementView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ insurancePolicyNo: string }>();
  const agreementText = useAgreementProblemText();
  const activate = useActivatePlacement(useMoved((p) => t('placements.activated', { name: p.person.name }), onClose));
  const agreement = usePlacementAgreement(placement?.id ?? null);
  const view = agreement.data;
  const block = view ? agreementBlock(view) : null;
  const policyNo = view?.terms.insurance?.policyNo;
  useEffect(() => {
    if (policyNo) form.setFieldsValue({ insurancePolicyNo: policyNo });
  }, [form, policyNo]);
  const missing = view
    ? view.parties.filter((p) => !view.signatures.some((s) => s.party === p)).map((p) => t(`agreements.party.${p}`))
    : [];
  return (
    <Modal
      open={!!placement}
      title={t('placements.activateTitle', { name: placement?.person.name ?? '', slot: placement?.slot.title ?? '' })}
      okText={t('placements.activate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'activate-submit', disabled: !!block }}
      confirmLoading={activate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && activate.reset()}
    >
      <Typography.Paragraph type="secondary">{t('placements.activateHelp')}</Typography.Paragraph>
      {agreement.isLoading && <Skeleton active paragraph={{ rows: 1 }} />}
      {view && block && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="activate-blocked"
          data-reason={block}
          title={
            block === 'unsigned'
              ? view.status === 'awaiting_insurance'
                ? t('placements.blocked.insurance')
                : t('placements.blocked.unsigned', { parties: missing.join(t('agreements.listSeparator')) })
              : t('placements.blocked.notCovering', { period: formatDateRange(t, view.terms.dates.start, view.terms.dates.end) })
          }
          description={
            <Link to={`/agreements/${view.id}`} data-testid="activate-agreement-link">
              {t('placements.blocked.open')}
            </Link>
          }
        />
      )}
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
          extra={policyNo ? t('placements.policyFromAgreement') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 4, max: 64, message: t('validation.length', { min: 4, max: 64 }) },
          ]}
        >
          <Input placeholder="PICC-2027-0001" maxLength={64} readOnly={!!policyNo} data-testid="insurance-policy-no" />
        </Form.Item>
      </Form>
      {activate.error && (
        <ProblemAlert error={activate.error} fieldsShown={['insurancePolicyNo']} testId="activate-error" text={agreementText} />
      )}
    </Modal>
  );
}

/** `POST /placements/:id/complete`: the enterprise's evaluation (and, for a teacher, the days served). */
export function CompleteDialog({ placement, onClose }: { placement: PlacementView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CompletePlacementRequest>();
  // The evaluation is a long text written at the end of a placement: kept as a draft until it is sent.
  const draft = useFormDraft(placement ? `placement-evaluation:${placement.id}` : null, form);
  const complete = useCompletePlacement(
    useMoved(
      (p) => t('placements.completed', { name: p.person.name }),
      () => {
        draft.clear();
        onClose();
      },
    ),
  );
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
        onValuesChange={draft.onValuesChange}
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
        <FormDraftNotice draft={draft} error={complete.error} />
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
