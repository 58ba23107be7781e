import type { CreatedPerson, StudentView } from '@skillbridge/contracts';
import { Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddStudent } from '../../api/schools.hooks';
import { showFieldErrors } from '../../components/form-errors';
import { ProblemAlert } from '../../components/problem-alert';
import { MajorPicker } from '../../components/major-picker';

interface StudentForm {
  name: string;
  email: string;
  password?: string;
  dateOfBirth: Dayjs;
  major: string;
  enrolmentYear: number;
}

const FIELDS = ['name', 'email', 'password', 'dateOfBirth', 'major', 'enrolmentYear'] as const;

/** `POST /schools/:id/students`: one student with a login. */
export function AddStudentDialog({
  schoolId,
  open,
  onClose,
  onCreated,
}: {
  schoolId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedPerson<StudentView>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StudentForm>();
  const [placed, setPlaced] = useState<string[]>([]);
  const create = useAddStudent(schoolId, {
    onSuccess: (created) => {
      form.resetFields();
      onCreated(created);
    },
    onError: (error) => setPlaced(showFieldErrors(form, error, FIELDS)),
  });

  const submit = (values: StudentForm) =>
    create.mutate({
      name: values.name.trim(),
      email: values.email.trim(),
      ...(values.password ? { password: values.password } : {}),
      dateOfBirth: values.dateOfBirth.format('YYYY-MM-DD'),
      major: values.major.trim(),
      enrolmentYear: values.enrolmentYear,
    });

  return (
    <Modal
      open={open}
      title={t('school.addStudent')}
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
      <Form<StudentForm>
        name="add-student"
        form={form}
        layout="vertical"
        initialValues={{ enrolmentYear: new Date().getFullYear() }}
        onFinish={submit}
        data-testid="add-student-form"
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
              name="major"
              label={t('student.major')}
              rules={[{ required: true, whitespace: true, max: 50, message: t('validation.required') }]}
            >
              <MajorPicker data-testid="add-student-major" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="enrolmentYear"
              label={t('student.enrolmentYear')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dateOfBirth" label={t('student.dateOfBirth')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
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
        </Row>
        {create.error && <ProblemAlert error={create.error} fieldsShown={placed} />}
      </Form>
    </Modal>
  );
}
