import type { SchoolView } from '@skillbridge/contracts';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateSchoolRequest } from '../../api/schools.api';
import { useCreateSchool } from '../../api/schools.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { districtOptions, schoolLevelOptions } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';

const FIELDS = ['name', 'level', 'district'] as const;

/** `POST /schools`: a school joins the platform. */
export function CreateSchoolDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (school: SchoolView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateSchoolRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const create = useCreateSchool({
    onSuccess: (school) => {
      void message.success(t('platform.schoolCreated', { name: school.name }));
      form.resetFields();
      onCreated(school);
    },
    onError: (error) => setPlaced(showFieldErrors(form, error, FIELDS)),
  });

  return (
    <Modal
      open={open}
      title={t('platform.createSchool')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      forceRender
    >
      <Form<CreateSchoolRequest>
        form={form}
        layout="vertical"
        initialValues={{ level: 'secondary' }}
        onFinish={(values) => create.mutate({ ...values, name: values.name.trim() })}
        data-testid="create-school-form"
      >
        <Form.Item
          name="name"
          label={t('school.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="level" label={t('school.level')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group options={schoolLevelOptions(t)} optionType="button" buttonStyle="solid" />
        </Form.Item>
        <Form.Item name="district" label={t('school.district')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={districtOptions(t)} placeholder={t('common.select')} />
        </Form.Item>
        {create.error && <ProblemAlert error={create.error} fieldsShown={placed} />}
      </Form>
    </Modal>
  );
}
