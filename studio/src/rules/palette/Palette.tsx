/**
 * The palette: one searchable list of everything a trigger is drawn from (condition fields by section, group
 * kinds, result types). The search field keeps the focus; ↑/↓ choose, Enter inserts where the canvas aims (the
 * selected group, or beside the selected row), Escape closes. Any entry can also be dragged onto the canvas,
 * where the node under the pointer decides the place.
 */
import { useEffect, useId, useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../../components/icons';
import { makeI18n, useI18n } from '../../i18n';
import { itemLabelKey, PALETTE_ITEMS, PALETTE_SECTIONS, searchPalette, sectionLabelKey, type PaletteItem } from './items';

/** The drag payload's type: an item id, so nothing but palette entries can be dropped onto the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-contactflow-palette';
/** Set besides when a result is dragged: while dragging, only the types can be read, not the item. */
export const PALETTE_RESULT_DRAG_TYPE = 'application/x-contactflow-palette-result';

const ICONS: Record<PaletteItem['kind'], IconName> = { field: 'filter', group: 'layers', result: 'zap' };

/** Every name an item is known by, in both languages, so a search finds it whatever the studio's language. */
function namesOf(): (item: PaletteItem) => string[] {
  const languages = [makeI18n('en', () => {}).t, makeI18n('ko', () => {}).t];
  return (item) => [...languages.flatMap((t) => [t(itemLabelKey(item)), t(sectionLabelKey(item.section))]), item.id];
}

export function Palette({ place, onInsert, onClose }: { place: string; onInsert: (item: PaletteItem) => void; onClose: () => void }) {
  const { t } = useI18n();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const names = useMemo(namesOf, []);
  const found = useMemo(() => searchPalette(PALETTE_ITEMS, query, names), [query, names]);
  const activeIndex = Math.min(active, found.length - 1);
  const optionId = (index: number) => `${ids}-option-${index}`;

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: found.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(found.length - 1, moves[event.key])));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (found[activeIndex]) onInsert(found[activeIndex]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  const onDragStart = (event: DragEvent, item: PaletteItem) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, item.id);
    if (item.kind === 'result') event.dataTransfer.setData(PALETTE_RESULT_DRAG_TYPE, item.id);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <div className="palette nowheel nopan nodrag" role="dialog" aria-label={t('rules.palette.title')}>
      <div className="palette-search">
        <Icon name="search" size={14} />
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={`${ids}-list`}
          aria-activedescendant={found.length ? optionId(activeIndex) : undefined}
          aria-label={t('rules.palette.search')}
          placeholder={t('rules.palette.search')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="icon-button" aria-label={t('common.action.close')} onClick={onClose}>
          <Icon name="x" size={14} />
        </button>
      </div>
      <p className="palette-place">{place}</p>
      <div className="palette-list" id={`${ids}-list`} role="listbox" aria-label={t('rules.palette.title')}>
        {found.length === 0 && <p className="palette-empty">{t('rules.palette.empty', { query })}</p>}
        {PALETTE_SECTIONS.map((section) => {
          const items = found.filter((item) => item.section === section);
          if (items.length === 0) return null;
          return (
            <div key={section} role="group" aria-labelledby={`${ids}-${section}`}>
              <div className="palette-section" id={`${ids}-${section}`}>
                {t(sectionLabelKey(section))}
              </div>
              {items.map((item) => {
                const index = found.indexOf(item);
                return (
                  <div
                    key={item.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === activeIndex}
                    className={`palette-option kind-${item.kind}`}
                    data-item={item.id}
                    draggable
                    onDragStart={(event) => onDragStart(event, item)}
                    onMouseMove={() => index !== activeIndex && setActive(index)}
                    onClick={() => onInsert(item)}
                  >
                    <Icon name={ICONS[item.kind]} size={13} />
                    <span>{t(itemLabelKey(item))}</span>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      <p className="palette-help">{t('rules.palette.help')}</p>
    </div>
  );
}
