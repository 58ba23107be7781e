import type { ThemeConfig } from 'antd';

/** Chinese-first type: the platform's CJK face before any Latin fallback. */
export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", "Helvetica Neue", Arial, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#2b6cb0',
    colorInfo: '#2b6cb0',
    colorLink: '#2b6cb0',
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    colorBgLayout: '#f3f6fa',
    // WCAG AA (4.5 : 1) for small text: antd's default greys, red, orange and green are lighter than that (axe in the phone sweep).
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 60, headerPadding: '0 24px' },
    Menu: { itemBorderRadius: 8, itemMarginInline: 8 },
    Card: { headerFontSize: 16 },
    Table: { headerBg: '#f5f8fc' },
  },
};
