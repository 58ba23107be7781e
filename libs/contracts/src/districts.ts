/** Lanzhou's districts and counties. */
export const LANZHOU_DISTRICTS = ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区'] as const;
/** Their English names, for what the product writes in English (files, the agreement's rendering). */
export const LANZHOU_DISTRICTS_EN: Readonly<Record<(typeof LANZHOU_DISTRICTS)[number], string>> = {
  城关区: 'Chengguan District',
  七里河区: 'Qilihe District',
  西固区: 'Xigu District',
  安宁区: 'Anning District',
  红古区: 'Honggu District',
  永登县: 'Yongdeng County',
  皋兰县: 'Gaolan County',
  榆中县: 'Yuzhong County',
  兰州新区: 'Lanzhou New Area',
};
