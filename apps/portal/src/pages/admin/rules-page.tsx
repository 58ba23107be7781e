import { DiffOutlined, HistoryOutlined } from '@ant-design/icons';
import { RULE_NAMES, type RuleChangeView, type RuleDifference, type RuleName } from '@skillbridge/contracts';
import { ruleChanges } from '@skillbridge/domain';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleNumbers } from '../../api/admin.api';
import { useRuleHistory, useSaveRules, useYearRules } from '../../api/admin.hooks';
import { lanzhouYear } from '../../components/figures';
import { formatDateTime } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { ResponsiveTable } from '../../components/responsive-table';
import { YearSelect } from '../../components/year-select';
import { usePanelWidth } from '../../components/use-is-phone';
import { isRate, percentFromRate, rateFromPercent } from './rules-util';

/** What the form holds: every rule as the text typed (rates as percentages). */
type Draft = Record<RuleName, string>;

const WHOLE = /^\d{1,3}$/;

/** The limits of the whole-number rules, as the API checks them. */
const LIMITS: Partial<Record<RuleName, [number, number]>> = {
  minimumInternAge: [14, 25],
  maxDailyHours: [1, 12],
  postInternshipMonths: [1, 24],
  practiceBookingDays: [1, 366],
  practiceDaysRequired: [0, 366],
};

const toDraft = (rules: RuleNumbers): Draft =>
  Object.fromEntries(RULE_NAMES.map((rule) => [rule, isRate(rule) ? percentFromRate(String(rules[rule])) : String(rules[rule])])) as Draft;

/** The form's text as rules, or null while a field is not a valid number. */
function fromDraft(draft: Draft): RuleNumbers | null {
  const rules: Record<string, string | number> = {};
  for (const rule of RULE_NAMES) {
    if (isRate(rule)) {
      const rate = rateFromPercent(draft[rule] ?? '');
      if (rate === null) return null;
      rules[rule] = rate;
    } else {
      const text = (draft[rule] ?? '').trim();
      const [min, max] = LIMITS[rule] ?? [0, 366];
      if (!WHOLE.test(text) || Number(text) < min || Number(text) > max) return null;
      rules[rule] = Number(text);
    }
  }
  return rules as unknown as RuleNumbers;
}

/** A rule's value as people read it: a rate as a percentage, days, hours, months, years. */
export function useRuleValue() {
  const { t } = useTranslation();
  return (rule: RuleName, value: string | number) =>
    isRate(rule) ? `${percentFromRate(String(value))} %` : t(`admin.rules.unit.${rule}`, { n: Number(value) });
}

/** 年度规则: the numbers of the year (§2) — view, edit with the change shown before it is saved, and who changed what. */
export default function RulesPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(lanzhouYear());
  const rules = useYearRules(year);
  return (
    <div data-testid="rules-page">
      <PageTitle
        title={t('admin.rules.title')}
        subtitle={t('admin.rules.subtitle')}
        extra={<YearSelect year={year} onChange={setYear} testId="rules-year" />}
      />
      <div className="sb-stack">
        <QueryState query={rules}>
          {(current) => <RulesForm key={`${year}-${JSON.stringify(current)}`} year={year} current={current} />}
        </QueryState>
        <RuleHistory year={year} />
      </div>
    </div>
  );
}

function RulesForm({ year, current }: { year: number; current: RuleNumbers }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Draft>();
  const initial = useMemo(() => toDraft(current), [current]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [reviewing, setReviewing] = useState(false);
  const save = useSaveRules({
    onSuccess: () => {
      setReviewing(false);
      void message.success(t('admin.rules.saved', { year }));
    },
  });
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  const parsed = fromDraft(draft);
  const changes = parsed ? ruleChanges(current, parsed) : [];

  return (
    <Card title={t('admin.rules.numbersOf', { year })} data-testid="rules-form-card">
      <Form<Draft>
        form={form}
        name="year-rules"
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => setDraft(all)}
        onFinish={() => parsed && changes.length > 0 && setReviewing(true)}
      >
        <Row gutter={[24, 0]}>
          {RULE_NAMES.map((rule) => (
            <Col xs={24} md={12} xl={8} key={rule}>
              <Form.Item
                name={rule}
                label={t(`admin.rules.name.${rule}`)}
                extra={t(`admin.rules.help.${rule}`)}
                rules={[
                  {
                    validator: (_, value: string) => {
                      if (isRate(rule))
                        return rateFromPercent(value ?? '') === null
                          ? Promise.reject(new Error(t('admin.rules.badRate')))
                          : Promise.resolve();
                      const [min, max] = LIMITS[rule] ?? [0, 366];
                      const text = (value ?? '').trim();
                      return WHOLE.test(text) && Number(text) >= min && Number(text) <= max
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('admin.rules.badWhole', { min, max })));
                    },
                  },
                ]}
              >
                <Input
                  inputMode="decimal"
                  suffix={isRate(rule) ? '%' : t(`admin.rules.suffix.${rule}`)}
                  data-testid={`rule-${rule}`}
                  aria-label={t(`admin.rules.name.${rule}`)}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            icon={<DiffOutlined />}
            disabled={parsed !== null && changes.length === 0}
            data-testid="rules-review"
          >
            {t('admin.rules.review', { n: changes.length })}
          </Button>
          <Button
            disabled={changes.length === 0 && parsed !== null}
            onClick={() => {
              form.resetFields();
              setDraft(initial);
            }}
            data-testid="rules-reset"
          >
            {t('admin.rules.undo')}
          </Button>
          {changes.length === 0 && parsed && <Typography.Text type="secondary">{t('admin.rules.noChanges')}</Typography.Text>}
        </Space>
      </Form>
      <ReviewDialog
        open={reviewing}
        year={year}
        changes={changes}
        saving={save.isPending}
        error={save.error}
        onCancel={() => {
          save.reset();
          setReviewing(false);
        }}
        onSave={() => parsed && save.mutate({ year, rules: parsed })}
      />
    </Card>
  );
}

/** The change as it will be saved, rule by rule, before anything is written. */
function ReviewDialog(props: {
  open: boolean;
  year: number;
  changes: RuleDifference[];
  saving: boolean;
  error: Error | null;
  onCancel: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const width = usePanelWidth(640);
  return (
    <Modal
      open={props.open}
      title={t('admin.rules.reviewTitle', { year: props.year })}
      width={width}
      onCancel={props.onCancel}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={props.onCancel}>{t('admin.rules.keepEditing')}</Button>
          <Button type="primary" loading={props.saving} onClick={props.onSave} data-testid="rules-save">
            {t('admin.rules.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.rules.reviewHelp')}</Typography.Paragraph>
      <ChangeList changes={props.changes} testId="rules-diff" />
      <ProblemAlert error={props.error} />
    </Modal>
  );
}

/** Each changed number: its name, then the old value struck through and the new one. */
function ChangeList({ changes, testId }: { changes: RuleDifference[]; testId?: string }) {
  const { t } = useTranslation();
  const value = useRuleValue();
  return (
    <ul className="sb-rule-changes" data-testid={testId}>
      {changes.map((c) => (
        <li key={c.rule} data-rule={c.rule}>
          <Typography.Text strong>{t(`admin.rules.name.${c.rule}`)}</Typography.Text>{' '}
          <Typography.Text delete type="secondary" data-testid="rule-before">
            {value(c.rule, c.before)}
          </Typography.Text>
          {' → '}
          <Typography.Text strong data-testid="rule-after">
            {value(c.rule, c.after)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function RuleHistory({ year }: { year: number }) {
  const { t } = useTranslation();
  const history = useRuleHistory(year);
  const columns: ColumnsType<RuleChangeView> = [
    { key: 'at', title: t('admin.rules.history.at'), width: 160, render: (_, c) => formatDateTime(c.changedAt) },
    {
      key: 'by',
      title: t('admin.rules.history.by'),
      width: 220,
      render: (_, c) =>
        c.changedBy ? (
          <span data-user-entered="true">
            {c.changedBy.name}
            <br />
            <Typography.Text type="secondary">{c.changedBy.email}</Typography.Text>
          </span>
        ) : (
          <Tag>{t('admin.rules.history.removedAccount')}</Tag>
        ),
    },
    { key: 'changes', title: t('admin.rules.history.changes'), render: (_, c) => <ChangeList changes={c.changes} /> },
  ];
  return (
    <Card
      title={
        <Space>
          <HistoryOutlined />
          {t('admin.rules.history.title', { year })}
        </Space>
      }
    >
      {history.error && <Alert type="error" showIcon title={t('common.loadFailed')} />}
      <ResponsiveTable<RuleChangeView>
        data-testid="rules-history"
        rowKey="id"
        size="middle"
        loading={history.isPending}
        dataSource={history.data ?? []}
        columns={columns}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('admin.rules.history.empty')} /> }}
      />
    </Card>
  );
}
