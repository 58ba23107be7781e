import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  IdcardOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MeView } from '@skillbridge/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  path: string;
  icon: ReactNode;
  label: string;
}

/** The side menu of each role; a bureau officer's depends on their authority. */
export function menuFor(me: MeView, t: TFunction): MenuEntry[] {
  const home = (label: string, icon: ReactNode): MenuEntry => ({ key: '/home', path: '/home', icon, label });
  const account: MenuEntry = { key: '/me', path: '/me', icon: <UserOutlined />, label: t('menu.account') };
  switch (me.role) {
    case 'student':
      return [home(t('menu.studentHome'), <IdcardOutlined />), account];
    case 'teacher':
      return [home(t('menu.teacherHome'), <ReadOutlined />), account];
    case 'school_admin':
      return [home(t('menu.schoolHome'), <BankOutlined />), account];
    case 'enterprise_admin':
      return [home(t('menu.enterpriseHome'), <ShopOutlined />), account];
    case 'bureau_officer':
      return [
        me.authority === 'EDU' ? home(t('menu.schoolSupervision'), <AuditOutlined />) : home(t('menu.enterpriseSupervision'), <ApartmentOutlined />),
        account,
      ];
    case 'platform_admin':
      return [home(t('menu.platformHome'), <SafetyCertificateOutlined />), account];
  }
}
