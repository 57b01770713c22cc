/**
 * The studio's one i18n mechanism: a typed catalogue per language (`en/`, `ko/`, one file per area) and a
 * context that gives every component the current language, `t(key, params)` and locale-aware formatters.
 * The English catalogue defines the keys ({@link MessageKey}); an unknown key is a type error.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { absoluteTime, relativeTime } from '../format';
import { interpolate, lookup, type MessageParams } from './catalogue';
import { LOCALES, MESSAGES, type Lang, type MessageKey } from './messages';

export type { Catalogue, MessageParams } from './catalogue';
export { errorMessage, issueMessage, codeMessage, type Translate } from './errors';
export { isMessageKey, type Lang, type MessageKey } from './messages';
export { rich } from './rich';

const LANG_KEY = 'contactflow.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The message of `key` in the current language, with `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** "just now", "5 min. ago", or the date for anything older than a week. */
  formatRelative: (iso: string, now?: number) => string;
  /** Date and time, to the minute. */
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === 'en' || stored === 'ko') return stored;
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const locale = LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale);
  const formatNumber = (value: number) => numbers.format(value);
  return {
    lang,
    setLang,
    t: (key, params) => {
      const message = lookup(MESSAGES[lang], key) ?? lookup(MESSAGES.en, key) ?? key;
      return interpolate(message, params, locale, formatNumber);
    },
    formatRelative: (iso, now) => relativeTime(iso, lang, now),
    formatDateTime: (iso) => absoluteTime(iso, lang),
    formatNumber,
  };
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs a LangProvider');
  return value;
}
