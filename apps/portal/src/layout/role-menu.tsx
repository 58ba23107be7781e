import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BookOutlined,
  BarChartOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ControlOutlined,
  EyeOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundOutlined,
  IdcardOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  UserOutlined,
  WarningOutlined,
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

const entry = (path: string, icon: ReactNode, label: string): MenuEntry => ({ key: path, path, icon, label });
const rounds = (t: TFunction) => entry('/match-rounds', <ApiOutlined />, t('rounds.menu'));
/** 协议: the tripartite agreements the student, the enterprise admin and the school admin sign. */
const agreements = (t: TFunction) => entry('/agreements', <FileProtectOutlined />, t('agreements.menu'));

/** The side menu of each role; a bureau officer's depends on their authority. Everyone has the inbox and the account. */
export function menuFor(me: MeView, t: TFunction): MenuEntry[] {
  const home = (label: string, icon: ReactNode) => entry('/home', icon, label);
  const common: MenuEntry[] = [
    entry('/notifications', <BellOutlined />, t('menu.notifications')),
    entry('/notification-settings', <SettingOutlined />, t('menu.notificationSettings')),
    entry('/me', <UserOutlined />, t('menu.account')),
  ];
  switch (me.role) {
    case 'student':
      return [
        home(t('menu.studentHome'), <IdcardOutlined />),
        entry('/find-slots', <SearchOutlined />, t('menu.findSlots')),
        entry('/recommended', <StarOutlined />, t('menu.recommended')),
        entry('/applications', <ProfileOutlined />, t('menu.myApplications')),
        entry('/placements', <CarryOutOutlined />, t('menu.myPlacements')),
        agreements(t),
        rounds(t),
        ...common,
      ];
    case 'teacher':
      return [
        home(t('menu.teacherHome'), <ReadOutlined />),
        entry('/practice', <CalendarOutlined />, t('practice.menu.find')),
        entry('/my-practice', <ScheduleOutlined />, t('practice.menu.mine')),
        ...common,
      ];
    case 'school_admin':
      return [
        home(t('menu.schoolHome'), <BankOutlined />),
        entry('/approvals', <AuditOutlined />, t('menu.approvals')),
        agreements(t),
        entry('/practice-compliance', <FundOutlined />, t('practice.menu.compliance')),
        rounds(t),
        ...common,
      ];
    case 'enterprise_admin':
      return [
        home(t('menu.enterpriseHome'), <ShopOutlined />),
        entry('/slots', <FileSearchOutlined />, t('menu.slots')),
        entry('/placements', <SolutionOutlined />, t('menu.placements')),
        agreements(t),
        entry('/practice-bookings', <ScheduleOutlined />, t('practice.menu.bookings')),
        rounds(t),
        ...common,
      ];
    case 'bureau_officer':
      return [
        me.authority === 'EDU'
          ? home(t('menu.schoolSupervision'), <AuditOutlined />)
          : home(t('menu.enterpriseSupervision'), <ApartmentOutlined />),
        ...(me.authority === 'EDU'
          ? [entry('/practice-compliance', <FundOutlined />, t('practice.menu.compliance')), rounds(t)]
          : [entry('/quotas', <BarChartOutlined />, t('quotas.menu'))]),
        ...common,
      ];
    case 'platform_admin':
      return [
        home(t('menu.platformHome'), <SafetyCertificateOutlined />),
        entry('/quotas', <BarChartOutlined />, t('quotas.menu')),
        entry('/rules', <ControlOutlined />, t('admin.menu.rules')),
        entry('/access-log', <EyeOutlined />, t('admin.menu.accessLog')),
        entry('/dead-letters', <WarningOutlined />, t('menu.deadLetters')),
        entry('/majors', <BookOutlined />, t('majors.page.menu')),
        ...common,
      ];
  }
}

/** The entry a path belongs to: the longest entry path it starts with (`/slots/…` is under 岗位管理). */
export function selectedEntry(entries: MenuEntry[], pathname: string): string | undefined {
  return entries.filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]
    ?.key;
}
