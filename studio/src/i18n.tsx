/**
 * Which language leads in bilingual labels. Both are always available: the leading one is shown, the
 * other appears as a hint where there is room (the sidebar, titles).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Label } from './vocabulary';

export type Lang = 'en' | 'ko';
const LANG_KEY = 'contactflow.lang';

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The label in the leading language. */
  t: (label: Label) => string;
  /** The label in the other language. */
  other: (label: Label) => string;
}

const LangContext = createContext<LangContextValue | null>(null);

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === 'en' || stored === 'ko') return stored;
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<LangContextValue>(
    () => ({ lang, setLang, t: (label) => label[lang], other: (label) => label[lang === 'en' ? 'ko' : 'en'] }),
    [lang, setLang],
  );
  return <LangContext value={value}>{children}</LangContext>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang needs a LangProvider');
  return value;
}
