import type { Role } from '@skillbridge/contracts';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { useMe } from '../../auth/session';
import { HOME_LOADERS } from './home-loaders';

const HOMES = Object.fromEntries(Object.entries(HOME_LOADERS).map(([role, load]) => [role, lazy(load)])) as Record<
  Role,
  LazyExoticComponent<ComponentType>
>;

export default function HomePage() {
  const { role } = useMe();
  const Home = HOMES[role];
  return <Home />;
}
