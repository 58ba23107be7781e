/**
 * The antd components whose styles the build writes (antd-static-style.ts): antd runs in zero-runtime
 * mode, so a component missing here shows unstyled. A component the portal starts to use goes into `REST`,
 * or `FIRST` when the first download (the sign-in page) renders it; antd-components.spec.ts fails for a
 * component imported from antd and listed in neither.
 */

/** The components the first download renders: the sign-in page, the fallbacks, the session-unavailable view. */
export const FIRST = ['Form', 'Input', 'Button', 'Alert', 'Segmented', 'Spin', 'Result', 'Space', 'Tooltip'];

/**
 * Every other antd component the portal renders, with those antd renders inside them (Table's pagination,
 * checkboxes and dropdowns, Select's empty state, App's message, notification and modal).
 */
export const REST = [
  'App',
  'Avatar',
  'Badge',
  'Card',
  'Checkbox',
  'Col',
  'Collapse',
  'DatePicker',
  'Descriptions',
  'Divider',
  'Drawer',
  'Dropdown',
  'Empty',
  'InputNumber',
  'Layout',
  'List',
  'Menu',
  'Modal',
  'Pagination',
  'Popconfirm',
  'Popover',
  'Progress',
  'Radio',
  'Result',
  'Row',
  'Select',
  'Skeleton',
  'Statistic',
  'Switch',
  'Table',
  'Tabs',
  'Tag',
  'Typography',
  'Upload',
  'message',
  'notification',
];
