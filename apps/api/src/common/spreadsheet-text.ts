/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first: CSV injection) is
 * kept as text with a leading apostrophe. For names people type themselves, written to CSV files
 * that officers open in Excel.
 */
export const inertText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
