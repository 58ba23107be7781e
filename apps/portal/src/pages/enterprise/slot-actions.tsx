import { EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { SlotView } from '@skillbridge/contracts';
import { EDITABLE_SLOT_STATES } from '@skillbridge/domain';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCloseSlot, usePublishSlot } from '../../api/slots.hooks';
import { useProblemText } from '../../components/problem-text';

/** Publish (a draft), close (an open slot) or cancel (a draft), and edit: the enterprise's moves of a slot. */
export function SlotActions({
  slot,
  onEdit,
  size = 'small',
}: {
  slot: SlotView;
  onEdit: (slot: SlotView) => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const refused = (error: Error) => void message.error(problemText(error));
  const publish = usePublishSlot(slot.id, {
    onSuccess: (saved) => void message.success(t('slots.published', { title: saved.title })),
    onError: refused,
  });
  const close = useCloseSlot(slot.id, {
    onSuccess: (saved) => void message.success(t(saved.state === 'cancelled' ? 'slots.cancelled' : 'slots.closed', { title: saved.title })),
    onError: refused,
  });
  const editable = EDITABLE_SLOT_STATES.includes(slot.state);

  return (
    <>
      {editable && (
        <Button size={size} icon={<EditOutlined />} onClick={() => onEdit(slot)} data-testid="edit-slot">
          {t('slots.edit')}
        </Button>
      )}
      {slot.state === 'draft' && (
        <Popconfirm
          title={t('slots.publishConfirmTitle')}
          description={t('slots.publishConfirm')}
          okText={t('slots.publish')}
          okButtonProps={{ 'data-testid': 'publish-confirm' }}
          cancelText={t('common.cancel')}
          onConfirm={() => publish.mutateAsync().catch(() => undefined)}
        >
          <Button size={size} type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="publish-slot">
            {t('slots.publish')}
          </Button>
        </Popconfirm>
      )}
      {editable && (
        <Popconfirm
          title={slot.state === 'draft' ? t('slots.cancelConfirmTitle') : t('slots.closeConfirmTitle')}
          description={slot.state === 'draft' ? t('slots.cancelConfirm') : t('slots.closeConfirm')}
          okText={slot.state === 'draft' ? t('slots.cancel') : t('slots.close')}
          okButtonProps={{ danger: true, 'data-testid': 'close-confirm' }}
          cancelText={t('common.back')}
          onConfirm={() => close.mutateAsync().catch(() => undefined)}
        >
          <Button size={size} danger icon={<StopOutlined />} loading={close.isPending} data-testid="close-slot">
            {slot.state === 'draft' ? t('slots.cancel') : t('slots.close')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
