import { Suspense, useState, type ReactNode } from 'react';

/**
 * A dialog or drawer whose code is fetched lazily (`lazy(() => import(…))`): mounted only once it has first
 * been opened, so a page downloads its forms, pickers and selects when the user asks for one, not with the
 * page; kept mounted afterwards, so that it animates closed and opens again at once.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
