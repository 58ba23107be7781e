import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { enterprisesApi } from '../../api/enterprises.api';
import { useSession } from '../../auth/session';
import { LinkPasswordPage } from '../../components/link-password-page';
import '../../antd-rest-style';

/**
 * 完成注册: the page a registration e-mail's link opens. The admin chooses the password here (whoever
 * holds the mailbox, never whoever typed the address), the enterprise is created awaiting
 * verification, and the admin is signed in to its home.
 */
export default function ConfirmRegistrationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { adopt } = useSession();
  return (
    <LinkPasswordPage
      texts="register.confirm"
      testId="register-confirm"
      footer={{ to: '/register', label: t('register.confirm.registerAgain') }}
      onSubmit={async (token, password) => {
        await adopt(await enterprisesApi.confirm({ token, password }));
        navigate('/home', { replace: true });
      }}
    />
  );
}
