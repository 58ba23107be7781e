import type { ThemeConfig } from 'antd';

/** Chinese-first type: the platform's CJK face before any Latin fallback. */
export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", "Helvetica Neue", Arial, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#2b6cb0',
    // Status tags (processing) write in colorInfo on colorInfoBg: 6 : 1 with these two (axe in the phone sweep,
    // the demo's lists full).
    colorInfo: '#245a94',
    // antd derives the ground from the palette of colorInfo: for a blue this dark that is a grey (#c7cfd4, 4.45 : 1).
    colorInfoBg: '#e8f1fa',
    colorInfoBorder: '#9fbddc',
    colorLink: '#2b6cb0',
    // antd lightens the primary colour on hover and press; white text on the lighter blue falls under 4.5 : 1,
    // so a primary button darkens instead (axe caught the sign-in button hovered after a click).
    colorPrimaryHover: '#245a94',
    colorPrimaryActive: '#1d4a7a',
    colorLinkHover: '#245a94',
    colorLinkActive: '#1d4a7a',
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    colorBgLayout: '#f3f6fa',
    // WCAG AA (4.5 : 1) for small text: antd's default greys, red, orange and green are lighter than that
    // (axe in the phone sweep, Lighthouse). Placeholders are read as labels on a phone: 4.5 : 1 at least.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorError: '#cf1322',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
    // Tags write in the palette's 7th shade on its 1st; for these hues that is under 4.5 : 1, so the 8th.
    cyan7: '#006d75',
    green7: '#237804',
    orange7: '#ad4e00',
    gold7: '#ad6800',
    volcano7: '#ad2102',
    lime7: '#3f6600',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 60, headerPadding: '0 24px' },
    // The selected entry's text on its light-blue ground: the darker blue for 4.5 : 1 (axe at desktop width).
    Menu: { itemBorderRadius: 8, itemMarginInline: 8, itemSelectedColor: '#1d4a7a' },
    Card: { headerFontSize: 16 },
    Table: { headerBg: '#f5f8fc' },
  },
};
