/** The catalogues by language, and the key type the English one defines. */
import type { Paths } from './catalogue';
import { lookup } from './catalogue';
import en from './en';
import ko from './ko';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Every message key: the dotted paths of the English catalogue, e.g. `'workspace.list.all'`. */
export type MessageKey = Paths<typeof en>;

export const MESSAGES: Record<Lang, typeof en> = { en, ko };

/** Whether `key` names a message (for keys built at run time from codes the API sends). */
export function isMessageKey(key: string): key is MessageKey {
  return lookup(en, key) !== undefined;
}

/** Intl locale of each language: British English dates (day before month), Korean as in Korea. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', ko: 'ko-KR' };
