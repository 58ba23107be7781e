import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The generated initial password, shown this once: the API never returns it again. */
export function InitialPasswordDialog({
  created,
  onClose,
}: {
  created: { person: { name: string; email: string }; initialPassword?: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      title={t('school.createdTitle', { name: created?.person.name ?? '' })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {created && (
        <>
          <Typography.Paragraph>{t('school.createdText', { email: created.person.email })}</Typography.Paragraph>
          {created.initialPassword ? (
            <>
              <Typography.Paragraph>{t('school.initialPasswordLabel')}</Typography.Paragraph>
              <Typography.Paragraph className="sb-password" copyable={{ text: created.initialPassword }} data-testid="initial-password">
                {created.initialPassword}
              </Typography.Paragraph>
              <Alert type="warning" showIcon title={t('school.initialPasswordOnce')} />
            </>
          ) : (
            <Typography.Paragraph type="secondary">{t('school.ownPasswordSet')}</Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
