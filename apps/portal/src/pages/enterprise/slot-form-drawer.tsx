import type { CreateSlotRequest, SlotType, SlotView } from '@skillbridge/contracts';
import { takesStudents } from '@skillbridge/domain';
import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useSaveSlot } from '../../api/slots.hooks';
import { useMe } from '../../auth/session';
import { FormDraftNotice } from '../../offline/form-draft-notice';
import { useFormDraft } from '../../offline/use-form-draft';
import { showFieldErrors } from '../../components/form-errors';
import { districtOptions, slotTypeOptions } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { usePanelWidth } from '../../components/use-is-phone';
import { MajorPicker } from '../../components/major-picker';

interface SlotFormValues {
  type: SlotType;
  title: string;
  description: string;
  majors: string[];
  skills: string[];
  district: string;
  startDate: Dayjs;
  endDate: Dayjs;
  capacity: number;
  stipend?: string | null;
  postWage?: string | null;
  postStaff?: number | null;
  hoursPerDay: string;
  nightShift: boolean;
  applicationDeadline?: Dayjs | null;
}

const FIELDS = [
  'type',
  'title',
  'description',
  'majors',
  'skills',
  'district',
  'startDate',
  'endDate',
  'capacity',
  'stipend',
  'postWage',
  'postStaff',
  'hoursPerDay',
  'nightShift',
  'applicationDeadline',
] as const;

/**
 * The field a business refusal of the API is about, so that it shows beside that field. The rules
 * themselves (the pay floor, the hours, the cap) are the year's configuration: they are checked by
 * the API only, never copied here.
 */
const FIELD_OF_CODE = new Map<string, (typeof FIELDS)[number]>([
  ['STIPEND_BELOW_FLOOR', 'stipend'],
  ['POST_CAP_EXCEEDED', 'capacity'],
  ['STIPEND_REQUIRED', 'stipend'],
  ['NIGHT_SHIFT_NOT_ALLOWED', 'nightShift'],
  ['HOURS_EXCEEDED', 'hoursPerDay'],
  ['DATES_INVERTED', 'endDate'],
  ['DEADLINE_AFTER_START', 'applicationDeadline'],
  ['QUOTA_CAP_EXCEEDED', 'capacity'],
  ['CAPACITY_BELOW_TAKEN', 'capacity'],
  ['UNKNOWN_MAJOR', 'majors'],
]);

const date = (value: Dayjs) => value.format('YYYY-MM-DD');
/** "3000" → "3000.00": the API's money is a decimal string in yuan. */
const money = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? undefined : Number(value).toFixed(2);
const tidy = (values: string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

/** `POST /slots` (a new draft) or `PATCH /slots/:id`: every term of a slot, refused terms shown at their field. */
export function SlotFormDrawer({
  open,
  slot,
  onClose,
  onSaved,
}: {
  open: boolean;
  slot?: SlotView;
  onClose: () => void;
  onSaved: (slot: SlotView) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<SlotFormValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const [alertError, setAlertError] = useState<unknown>(null);
  const type = Form.useWatch('type', form);
  // The national internship rules (pay against the post's wage) apply to slots that take students.
  const paid = !!type && takesStudents(type);
  const editing = !!slot;
  // A published slot keeps its type and dates: close it and post a new one to change them.
  const published = slot?.state === 'open';

  const save = useSaveSlot({
    onSuccess: (saved) => {
      draft.clear();
      void message.success(t(editing ? 'slotForm.updated' : 'slotForm.created', { title: saved.title }));
      onSaved(saved);
    },
    onError: (error) => {
      const shown = showFieldErrors(form, error, FIELDS);
      // A Map: a code from the answer never finds an inherited key (`constructor`) of a plain object.
      const field = error instanceof ApiError ? FIELD_OF_CODE.get(error.code) : undefined;
      if (field) {
        // STIPEND_REQUIRED is about whichever of the two amounts is missing.
        const target = error instanceof ApiError && error.code === 'STIPEND_REQUIRED' && form.getFieldValue('stipend') ? 'postWage' : field;
        form.setFields([{ name: target, errors: [problemText(error)] }]);
        setAlertError(null);
      } else {
        setAlertError(shown.length > 0 && error instanceof ApiError && (error.problem.errors ?? []).length === shown.length ? null : error);
      }
      setPlaced(shown);
    },
  });

  useEffect(() => {
    if (!open) return;
    save.reset();
    setAlertError(null);
    setPlaced([]);
    form.resetFields();
    form.setFieldsValue(
      slot
        ? {
            type: slot.type,
            title: slot.title,
            description: slot.description,
            majors: slot.majors,
            skills: slot.skills,
            district: slot.district,
            startDate: dayjs(slot.startDate),
            endDate: dayjs(slot.endDate),
            capacity: slot.capacity,
            stipend: slot.stipend,
            postWage: slot.postWage,
            postStaff: slot.postStaff,
            hoursPerDay: String(Number(slot.hoursPerDay)),
            nightShift: slot.nightShift,
            applicationDeadline: slot.applicationDeadline ? dayjs(slot.applicationDeadline) : null,
          }
        : {
            type: 'internship',
            district: me.organisation?.district,
            capacity: 1,
            hoursPerDay: '8',
            nightShift: false,
            majors: [],
            skills: [],
          },
    );
    // Reset only when the drawer opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, slot?.id]);
  // After the slot's saved terms are filled in above: an unsent draft is newer, so it wins.
  const draft = useFormDraft(open ? `slot:${slot?.id ?? 'new'}` : null, form);

  const submit = (values: SlotFormValues) => {
    const body: CreateSlotRequest = {
      type: values.type,
      title: values.title.trim(),
      description: (values.description ?? '').trim(),
      majors: tidy(values.majors),
      skills: tidy(values.skills),
      district: values.district,
      startDate: date(values.startDate),
      endDate: date(values.endDate),
      capacity: values.capacity,
      stipend: money(values.stipend),
      postWage: money(values.postWage),
      postStaff: values.postStaff ?? undefined,
      hoursPerDay: String(Number(values.hoursPerDay)),
      nightShift: !!values.nightShift,
      applicationDeadline: values.applicationDeadline ? date(values.applicationDeadline) : undefined,
    };
    if (!slot) return save.mutate({ body });
    const { type: _type, startDate: _start, endDate: _end, ...terms } = body;
    save.mutate({ slotId: slot.id, body: published ? terms : body });
  };

  // Clearing a refusal once the user changes the field it was about.
  const onValuesChange = (changed: Partial<SlotFormValues>, all: SlotFormValues) => {
    setAlertError(null);
    draft.onValuesChange(changed, all);
  };
  const width = usePanelWidth(760); // the whole window on a phone
  const required = { required: true, message: t('validation.required') };
  const tagsSelect = (placeholder: string) => (
    <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} placeholder={placeholder} />
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={width}
      destroyOnHidden
      title={editing ? t('slotForm.editTitle') : t('slotForm.title')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="slot-form-submit">
            {editing ? t('common.save') : t('slotForm.saveDraft')}
          </Button>
        </Space>
      }
    >
      <Form<SlotFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        data-testid="slot-form"
        requiredMark
      >
        <FormDraftNotice draft={draft} error={save.error} />
        {!editing && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('slotForm.intro')}
          </Typography.Paragraph>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('slot.type')} rules={[required]}>
              <Select options={slotTypeOptions(t)} disabled={published} data-testid="slot-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label={t('slot.title')}
              rules={[required, { min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) }]}
            >
              <Input placeholder={t('slotForm.titlePlaceholder')} maxLength={100} data-testid="slot-title" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t('slot.description')}
          rules={[{ max: 5000, message: t('validation.length', { min: 0, max: 5000 }) }]}
        >
          <Input.TextArea
            rows={3}
            placeholder={t('slotForm.descriptionPlaceholder')}
            maxLength={5000}
            showCount
            data-testid="slot-description"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="majors"
              label={t('slot.majors')}
              rules={[
                { type: 'array', required: true, min: 1, message: t('slotForm.majorsRequired') },
                { type: 'array', max: 20, message: t('validation.maxItems', { max: 20 }) },
              ]}
            >
              <MajorPicker multiple placeholder={t('slotForm.majorsPlaceholder')} data-testid="slot-majors" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="skills"
              label={t('slot.skills')}
              extra={t('student.tagsHint')}
              rules={[{ type: 'array', max: 30, message: t('validation.maxItems', { max: 30 }) }]}
            >
              {tagsSelect(t('student.skillsPlaceholder'))}
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="district" label={t('slot.district')} rules={[required]}>
              <Select options={districtOptions(t)} placeholder={t('common.select')} data-testid="slot-district" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="startDate" label={t('slot.startDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabled={published} data-testid="slot-start" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="endDate" label={t('slot.endDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabled={published} data-testid="slot-end" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item
              name="capacity"
              label={t('slot.capacity')}
              rules={[required, { type: 'integer', min: 1, max: 10000, message: t('validation.capacity') }]}
            >
              <InputNumber
                min={1}
                max={10000}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('slot.people')}
                data-testid="slot-capacity"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="applicationDeadline" label={t('slot.applicationDeadline')} extra={t('slotForm.deadlineHint')}>
              <DatePicker style={{ width: '100%' }} data-testid="slot-deadline" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="hoursPerDay" label={t('slot.hoursPerDay')} rules={[required]}>
              <InputNumber<string>
                stringMode
                min="0.5"
                max="24"
                step="0.5"
                precision={1}
                style={{ width: '100%' }}
                suffix={t('slot.hours')}
                data-testid="slot-hours"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item name="stipend" label={t('slot.stipend')} extra={t('slotForm.stipendHint')} rules={paid ? [required] : []}>
              <InputNumber<string>
                stringMode
                min="0"
                max="99999999"
                precision={2}
                style={{ width: '100%' }}
                prefix="¥"
                suffix={t('slot.yuanPerMonth')}
                data-testid="slot-stipend"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="postWage" label={t('slot.postWage')} extra={t('slotForm.postWageHint')} rules={paid ? [required] : []}>
              <InputNumber<string>
                stringMode
                min="0"
                max="99999999"
                precision={2}
                style={{ width: '100%' }}
                prefix="¥"
                suffix={t('slot.yuanPerMonth')}
                data-testid="slot-post-wage"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="postStaff" label={t('slot.postStaff')} extra={t('slotForm.postStaffHint')}>
              <InputNumber<number> min={1} max={10_000_000} precision={0} style={{ width: '100%' }} data-testid="slot-post-staff" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="nightShift" label={t('slot.nightShift')} valuePropName="checked" extra={t('slotForm.nightShiftHint')}>
              <Switch data-testid="slot-night-shift" />
            </Form.Item>
          </Col>
        </Row>
        {alertError ? <ProblemAlert error={alertError} fieldsShown={placed} testId="slot-form-error" /> : null}
      </Form>
    </Drawer>
  );
}
