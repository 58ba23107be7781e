import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useProblemText } from '../components/problem-text';
import { useSession } from './session';

/** Routes behind sign-in: anonymous visitors go to /login and come back afterwards. */
export function RequireSession() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { status, ended, error, retry, logout } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div className="sb-center">
        <Spin size="large" />
      </div>
    );
  }
  if (status === 'error') {
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
  if (status === 'anonymous') {
    // After an explicit sign-out the next person starts at their own home, not at the last page.
    return <Navigate to="/login" replace state={ended === 'logout' ? null : { from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}
