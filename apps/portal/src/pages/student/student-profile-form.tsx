import type { StudentView } from '@skillbridge/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStudentProfileRequest } from '../../api/people.api';
import { useUpdateMyStudentProfile } from '../../api/people.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { districtOptions } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { FormDraftNotice } from '../../offline/form-draft-notice';
import { useFormDraft } from '../../offline/use-form-draft';

type ProfileForm = Required<UpdateStudentProfileRequest>;
const FIELDS = ['skills', 'certificates', 'preferredDistricts', 'selfIntroduction'] as const;

/** `PATCH /students/me`: the parts of the profile a student keeps up to date. */
export function StudentProfileForm({ student, open, onClose }: { student: StudentView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileForm>();
  const [placed, setPlaced] = useState<string[]>([]);
  const update = useUpdateMyStudentProfile({
    onSuccess: () => {
      draft.clear();
      void message.success(t('student.saved'));
      onClose();
    },
    onError: (error) => setPlaced(showFieldErrors(form, error, FIELDS)),
  });

  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        skills: student.skills,
        certificates: student.certificates,
        preferredDistricts: student.preferredDistricts,
        selfIntroduction: student.selfIntroduction,
      });
      update.reset();
    }
    // Reset only when the dialog opens, not on every render of the mutation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  // After the saved profile is filled in above: an unsent draft is newer, so it wins.
  const draft = useFormDraft(open ? 'student-profile' : null, form);

  const trimmed = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

  return (
    <Modal
      open={open}
      title={t('student.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form<ProfileForm>
        form={form}
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        onFinish={(values) =>
          update.mutate({
            skills: trimmed(values.skills ?? []),
            certificates: trimmed(values.certificates ?? []),
            preferredDistricts: values.preferredDistricts ?? [],
            selfIntroduction: (values.selfIntroduction ?? '').trim(),
          })
        }
      >
        <FormDraftNotice draft={draft} error={update.error} />
        <Form.Item
          name="skills"
          label={t('student.skills')}
          extra={t('student.tagsHint')}
          rules={[{ type: 'array', max: 30, message: t('validation.maxItems', { max: 30 }) }]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、']}
            open={false}
            suffixIcon={null}
            placeholder={t('student.skillsPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="certificates"
          label={t('student.certificates')}
          extra={t('student.tagsHint')}
          rules={[{ type: 'array', max: 20, message: t('validation.maxItems', { max: 20 }) }]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、']}
            open={false}
            suffixIcon={null}
            placeholder={t('student.certificatesPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="preferredDistricts" label={t('student.preferredDistricts')}>
          <Select mode="multiple" options={districtOptions(t)} placeholder={t('common.select')} allowClear />
        </Form.Item>
        <Form.Item name="selfIntroduction" label={t('review.profile.selfIntroduction')} extra={t('review.profile.selfIntroductionHint')}>
          <Input.TextArea
            rows={4}
            maxLength={1000}
            showCount
            placeholder={t('review.profile.selfIntroductionPlaceholder')}
            data-testid="self-introduction-input"
          />
        </Form.Item>
        {update.error && <ProblemAlert error={update.error} fieldsShown={placed} />}
      </Form>
    </Modal>
  );
}
