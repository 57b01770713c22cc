/** Inserting a palette entry into the open trigger, aimed at a node (see `place.ts` for where that puts it). */
import { fitRow } from '../nodes/condition/defaults';
import type { TriggerEditor } from '../useTriggerEditor';
import type { PaletteItem } from './items';
import { insertPlace } from './place';

export function insertFromPalette(editor: TriggerEditor, item: PaletteItem, aimedAt: string | null): void {
  if (item.kind === 'result') {
    editor.addResult(item.result);
    return;
  }
  const place = insertPlace(editor.nodes, editor.edges, aimedAt);
  if (item.kind === 'group') {
    editor.addGroup(item.group, place.parentId, place.list);
    return;
  }
  const custom = item.field.endsWith(':');
  editor.addCondition(place.list, place.parentId, fitRow({ field: item.field, operator: 'equals', ...(custom ? { valueType: 'string' } : {}) }));
}
