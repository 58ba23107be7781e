import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { CHANNELS, LOCALES, NOTIFICATION_MODES, type Channel, type Locale, type NotificationPreferenceView } from '@skillbridge/contracts';
import { App, Button, Card, Checkbox, Radio, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreferenceChoice } from '../../api/notifications.api';
import {
  useNotificationLanguage,
  useNotificationPreferences,
  useSavePreferences,
  useSetNotificationLanguage,
} from '../../api/notifications.hooks';
import { channelLabel, eventKindLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { ResponsiveTable } from '../../components/responsive-table';

type Choice = Pick<PreferenceChoice, 'channels' | 'mode'>;

const same = (a: Choice, b: Choice) =>
  a.mode === b.mode && a.channels.length === b.channels.length && a.channels.every((c) => b.channels.includes(c));

/**
 * 通知设置: per kind of message that can reach the person's role (by its name), the channels (inbox, e-mail,
 * webhook) and immediate delivery or a daily digest; and the language e-mails are written in.
 */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  return (
    <div data-testid="notification-settings-page">
      <PageTitle title={t('notificationSettings.title')} subtitle={t('notificationSettings.subtitle')} />
      <EmailLanguage />
      <QueryState query={preferences}>{(data) => <PreferencesTable preferences={data} />}</QueryState>
    </div>
  );
}

/** The language e-mails are written in, saved as it is chosen. */
function EmailLanguage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useNotificationLanguage();
  const save = useSetNotificationLanguage({ onSuccess: () => void message.success(t('inbox.emailLanguageSaved')) });
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space wrap size="middle">
        <Typography.Text strong id="email-language-label">
          {t('inbox.emailLanguage')}
        </Typography.Text>
        <Radio.Group
          optionType="button"
          value={language.data?.locale}
          disabled={!language.data || save.isPending}
          onChange={(e) => save.mutate(e.target.value as Locale)}
          options={LOCALES.map((locale) => ({ value: locale, label: t(`inbox.language.${locale}`) }))}
          aria-labelledby="email-language-label"
          data-testid="email-language"
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('inbox.emailLanguageHelp')}
      </Typography.Paragraph>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Card>
  );
}

function PreferencesTable({ preferences }: { preferences: NotificationPreferenceView[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [edits, setEdits] = useState<Record<string, Choice>>({});
  const choiceOf = (p: NotificationPreferenceView): Choice => edits[p.kind] ?? { channels: p.channels, mode: p.mode };
  const changed = useMemo(
    () => preferences.filter((p) => edits[p.kind] && !same(edits[p.kind], p)).map((p) => ({ kind: p.kind, ...edits[p.kind] })),
    [preferences, edits],
  );
  const save = useSavePreferences({
    onSuccess: () => {
      setEdits({});
      void message.success(t('notificationSettings.saved'));
    },
  });
  const edit = (p: NotificationPreferenceView, change: Partial<Choice>) =>
    setEdits((current) => ({ ...current, [p.kind]: { ...choiceOf(p), ...change } }));

  return (
    <Card
      title={t('notificationSettings.perKind')}
      extra={
        <>
          <Button icon={<UndoOutlined />} disabled={changed.length === 0} onClick={() => setEdits({})} style={{ marginRight: 8 }}>
            {t('notificationSettings.discard')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={changed.length === 0}
            loading={save.isPending}
            onClick={() => save.mutate(changed)}
            data-testid="save-preferences"
          >
            {changed.length > 0 ? t('notificationSettings.saveN', { n: changed.length }) : t('common.save')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('notificationSettings.help')}</Typography.Paragraph>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <ResponsiveTable<NotificationPreferenceView>
        data-testid="preferences-table"
        rowKey="kind"
        size="middle"
        pagination={false}
        dataSource={preferences}
        scroll={{ x: 820 }}
        columns={[
          {
            key: 'kind',
            title: t('notificationSettings.kind'),
            render: (_, p) => (
              <span data-testid="preference-kind" data-kind={p.kind}>
                <Typography.Text strong>{eventKindLabel(t, p.kind)}</Typography.Text>
              </span>
            ),
          },
          {
            key: 'channels',
            title: t('notificationSettings.channels'),
            width: 360,
            render: (_, p) => (
              <Checkbox.Group<Channel>
                value={choiceOf(p).channels}
                onChange={(channels) => edit(p, { channels })}
                style={{ flexWrap: 'nowrap', whiteSpace: 'nowrap' }}
                options={CHANNELS.map((channel) => ({ value: channel, label: channelLabel(t, channel) }))}
                data-testid={`channels-${p.kind}`}
              />
            ),
          },
          {
            key: 'mode',
            title: t('notificationSettings.mode'),
            width: 220,
            render: (_, p) => (
              <Radio.Group
                optionType="button"
                size="small"
                value={choiceOf(p).mode}
                onChange={(e) => edit(p, { mode: e.target.value })}
                options={NOTIFICATION_MODES.map((mode) => ({ value: mode, label: t(`notificationSettings.${mode}`) }))}
                data-testid={`mode-${p.kind}`}
              />
            ),
          },
          {
            key: 'source',
            title: '',
            width: 110,
            render: (_, p) =>
              edits[p.kind] && !same(edits[p.kind], p) ? (
                <Tag color="gold">{t('notificationSettings.unsaved')}</Tag>
              ) : p.isDefault ? (
                <Tag>{t('notificationSettings.default')}</Tag>
              ) : (
                <Tag color="blue">{t('notificationSettings.custom')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
