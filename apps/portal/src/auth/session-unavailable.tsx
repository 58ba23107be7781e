import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../components/problem-text';
import { useSession } from './session';

/** Signed in, but GET /me failed for another reason (the API is down): retry, or sign out. A chunk of its own: rarely seen. */
export default function SessionUnavailable() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { error, retry, logout } = useSession();
  return (
    <div className="sb-center">
      <Result
        status="warning"
        title={t('session.unavailable')}
        subTitle={problemText(error)}
        extra={[
          <Button type="primary" key="retry" onClick={retry}>
            {t('common.retry')}
          </Button>,
          <Button key="logout" onClick={() => void logout()}>
            {t('layout.logout')}
          </Button>,
        ]}
      />
    </div>
  );
}
