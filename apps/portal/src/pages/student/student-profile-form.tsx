import type { StudentView } from '@skillbridge/contracts';
import { App, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStudentProfileRequest } from '../../api/people.api';
import { useUpdateMyStudentProfile } from '../../api/people.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { districtOptions } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';

type ProfileForm = Required<UpdateStudentProfileRequest>;
const FIELDS = ['skills', 'certificates', 'preferredDistricts'] as const;

/** `PATCH /students/me`: the parts of the profile a student keeps up to date. */
export function StudentProfileForm({ student, open, onClose }: { student: StudentView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileForm>();
  const [placed, setPlaced] = useState<string[]>([]);
  const update = useUpdateMyStudentProfile({
    onSuccess: () => {
      void message.success(t('student.saved'));
      onClose();
    },
    onError: (error) => setPlaced(showFieldErrors(form, error, FIELDS)),
  });

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ skills: student.skills, certificates: student.certificates, preferredDistricts: student.preferredDistricts });
      update.reset();
    }
    // Reset only when the dialog opens, not on every render of the mutation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

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
        onFinish={(values) =>
          update.mutate({
            skills: trimmed(values.skills ?? []),
            certificates: trimmed(values.certificates ?? []),
            preferredDistricts: values.preferredDistricts ?? [],
          })
        }
      >
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
        {update.error && <ProblemAlert error={update.error} fieldsShown={placed} />}
      </Form>
    </Modal>
  );
}
