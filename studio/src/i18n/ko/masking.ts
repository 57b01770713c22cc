/** 개인정보 마스킹 (티켓 화면). */
import type { Catalogue } from '../catalogue';
import type en from '../en/masking';

export default {
  mask: '마스킹',
  masked: '마스킹했습니다 — 원문은 암호화해 보관합니다',
  showOriginal: '원문 보기',
  hideOriginal: '원문 숨기기',
} satisfies Catalogue<typeof en>;
