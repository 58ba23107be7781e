import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth.api';
import { LinkPasswordPage } from '../../components/link-password-page';
import '../../antd-rest-style';

/**
 * 重置密码: the page an e-mailed link opens. A new password (the same rules as everywhere) ends
 * every session of the account; the person then signs in with it.
 */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <LinkPasswordPage
      texts="account.reset"
      testId="reset"
      footer={{ to: '/forgot-password', label: t('account.reset.askAgain') }}
      onSubmit={async (token, password) => {
        await authApi.resetPassword({ token, password });
        navigate('/login', { replace: true, state: { passwordReset: true } });
      }}
    />
  );
}
