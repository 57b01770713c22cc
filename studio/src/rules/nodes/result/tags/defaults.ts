/** A new add-tags or remove-tags result, with no tag yet. */
import type { ResultOf } from '../types';

export type TagsResultType = 'addTags' | 'removeTags';

export const defaultTags =
  <T extends TagsResultType>(type: T) =>
  (): ResultOf<T> =>
    ({ type, tags: [] }) as ResultOf<T>;
