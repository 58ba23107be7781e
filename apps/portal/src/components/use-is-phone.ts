import { Grid } from 'antd';

/**
 * Whether the window is phone-narrow (under antd's `sm`, 576 px): tables turn into cards, drawers and
 * dialogs take the whole width. Before the first measurement antd reports no breakpoint: a phone then.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.sm;
}

/** The width of a drawer or dialog: the whole window on a phone, `wide` pixels elsewhere. */
export function usePanelWidth(wide: number): number | string {
  return useIsPhone() ? '100%' : wide;
}
