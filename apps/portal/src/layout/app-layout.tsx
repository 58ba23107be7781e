import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Button, Drawer, Grid, Layout, Menu, Space, Tag } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe, useSession } from '../auth/session';
import { authorityLabel, roleLabel } from '../components/labels';
import { PageFallback } from '../components/page-fallback';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { menuFor, selectedEntry } from './role-menu';
import '../antd-rest-style';

/**
 * The signed-in frame: side menu of the role, header with the user, the language and sign-out.
 * Under `lg` the side menu moves into a drawer opened from the header, so that nothing floats over the page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const entries = menuFor(me, t);
  const wide = Grid.useBreakpoint().lg ?? false;
  const [menuOpen, setMenuOpen] = useState(false);

  // Clearing the session sends this page to /login (RequireSession); nothing to navigate here.
  const signOut = async () => {
    setSigningOut(true);
    await logout();
  };

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedEntry(entries, location.pathname) ?? location.pathname]}
      style={{ borderInlineEnd: 'none', paddingTop: 12 }}
      items={entries.map(({ key, icon, label }) => ({ key, icon, label }))}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(entries.find((e) => e.key === key)?.path ?? '/home');
      }}
    />
  );

  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        {wide ? (
          <Layout.Sider width={232} className="sb-sider" theme="light">
            <Brand />
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            placement="left"
            size={280}
            title={<Brand compact />}
            styles={{ body: { padding: 0 } }}
            data-testid="menu-drawer"
          >
            {me.organisation && <div className="sb-menu-org">{me.organisation.name}</div>}
            {menu}
          </Drawer>
        )}
        <Layout>
          <Layout.Header className="sb-header">
            {!wide && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('layout.menu')}
                onClick={() => setMenuOpen(true)}
                data-testid="menu-button"
              />
            )}
            <Space size="small" wrap className="sb-role-tags">
              <Tag color="blue">{roleLabel(t, me.role)}</Tag>
              {me.authority && <Tag color="geekblue">{authorityLabel(t, me.authority)}</Tag>}
            </Space>
            <Space size="middle" align="center" className="sb-header-tools">
              <NotificationBell />
              <LanguageSwitch />
              <Space size="small" align="center" className="sb-header-user">
                <Avatar style={{ backgroundColor: '#2b6cb0' }}>{me.name.slice(0, 1)}</Avatar>
                <div className="sb-user">
                  <span className="sb-user-name" data-testid="current-user">
                    {me.name}
                  </span>
                  {me.organisation && (
                    <span className="sb-user-org" data-testid="current-organisation">
                      {me.organisation.name}
                    </span>
                  )}
                </div>
              </Space>
              <Button data-testid="logout" icon={<LogoutOutlined />} loading={signingOut} onClick={() => void signOut()}>
                <span className="sb-logout-label">{t('layout.logout')}</span>
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content className="sb-content">
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: '#5a6b80', background: 'transparent' }}>{t('app.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </AntApp>
  );
}
