import type { CreatedPerson, TeacherView } from '@skillbridge/contracts';
import { Col, Form, Input, Modal, Row, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateTeacherRequest } from '../../api/schools.api';
import { useAddTeacher } from '../../api/schools.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { ProblemAlert } from '../../components/problem-alert';

const FIELDS = ['name', 'email', 'password', 'specialty', 'specialtyCourseTeacher', 'dualQualified'] as const;

/** `POST /schools/:id/teachers`: one teacher with a login. */
export function AddTeacherDialog({
  schoolId,
  open,
  onClose,
  onCreated,
}: {
  schoolId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedPerson<TeacherView>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateTeacherRequest>();
  const [placed, setPlaced] = useState<string[]>([]);
  const create = useAddTeacher(schoolId, {
    onSuccess: (created) => {
      form.resetFields();
      onCreated(created);
    },
    onError: (error) => setPlaced(showFieldErrors(form, error, FIELDS)),
  });

  const submit = (values: CreateTeacherRequest) =>
    create.mutate({
      name: values.name.trim(),
      email: values.email.trim(),
      ...(values.password ? { password: values.password } : {}),
      specialty: values.specialty.trim(),
      specialtyCourseTeacher: !!values.specialtyCourseTeacher,
      dualQualified: !!values.dualQualified,
    });

  return (
    <Modal
      open={open}
      title={t('school.addTeacher')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      width={600}
      forceRender
    >
      <Form<CreateTeacherRequest>
        name="add-teacher"
        form={form}
        layout="vertical"
        initialValues={{ specialtyCourseTeacher: true, dualQualified: false }}
        onFinish={submit}
        data-testid="add-teacher-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('person.name')}
              rules={[{ required: true, whitespace: true, max: 50, message: t('validation.required') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label={t('person.email')}
              rules={[
                { required: true, message: t('validation.required') },
                { type: 'email', message: t('validation.email') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="specialty"
              label={t('teacher.specialty')}
              rules={[{ required: true, whitespace: true, max: 50, message: t('validation.required') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="password"
              label={t('school.password')}
              extra={t('school.passwordHint')}
              rules={[{ pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/, message: t('validation.password') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="specialtyCourseTeacher" label={t('teacher.specialtyCourseTeacher')} valuePropName="checked">
              <Switch aria-label={t('teacher.specialtyCourseTeacher')} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="dualQualified"
              label={t('teacher.dualQualified')}
              valuePropName="checked"
              extra={t('teacher.dualQualifiedHint')}
            >
              <Switch aria-label={t('teacher.dualQualified')} />
            </Form.Item>
          </Col>
        </Row>
        {create.error && <ProblemAlert error={create.error} fieldsShown={placed} />}
      </Form>
    </Modal>
  );
}
