import type { MajorView } from '@skillbridge/contracts';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMajors } from '../api/majors.hooks';

/** A major as a picker shows it: its name in the reader's language, then its catalogue code. */
export function majorLabel(major: MajorView, language: string): string {
  return language === 'en' ? `${major.nameEn} · ${major.nameZh} · ${major.code}` : `${major.nameZh} · ${major.code}`;
}

type PickerProps = Omit<SelectProps<string | string[]>, 'options' | 'onSearch' | 'filterOption' | 'showSearch' | 'mode'>;

/**
 * Picks majors of the national catalogue with an autocomplete (by Chinese or English name, or code):
 * the value is the major's Chinese name, as students and slots store it. `multiple` for a slot's majors.
 */
export function MajorPicker({ multiple, ...props }: PickerProps & { multiple?: boolean }) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const majors = useMajors(typed);
  const chosen = (Array.isArray(props.value) ? props.value : props.value ? [props.value] : []) as string[];
  const found = majors.data ?? [];
  // What is chosen stays among the options (so that it shows as itself) even when the fragment no longer finds it.
  const options = [
    ...found.map((major) => ({ value: major.nameZh, label: majorLabel(major, i18n.language) })),
    ...chosen.filter((name) => !found.some((major) => major.nameZh === name)).map((name) => ({ value: name, label: name })),
  ];
  return (
    <Select<string | string[]>
      allowClear
      style={{ width: '100%' }}
      placeholder={t('majors.picker.placeholder')}
      aria-label={t('majors.picker.placeholder')}
      notFoundContent={majors.isFetching ? undefined : t('majors.picker.none')}
      {...props}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onBlur={() => setTyped('')}
      options={options}
    />
  );
}
