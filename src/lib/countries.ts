/** Names of target-market codes (ISO 3166-1 alpha-2) in both languages, for codes not in the market list. */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Lang } from '../i18n/ui.ts';

countries.registerLocale(en);
countries.registerLocale(zh);

export function countryName(code: string, lang: Lang): string {
  return countries.getName(code, lang) ?? code;
}
