/** The tags as `#vip #환불`. */
import type { ResultOf } from '../types';
import type { TagsResultType } from './defaults';

export function summarizeTags(result: ResultOf<TagsResultType>): string {
  return result.tags.length ? result.tags.map((tag) => `#${tag}`).join(' ') : '…';
}
