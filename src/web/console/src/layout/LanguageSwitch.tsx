import { Segmented } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { LOCALES, type Locale } from '../i18n/locale';

/** 中文 / English, remembered in this browser. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('lang.label')}
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}
