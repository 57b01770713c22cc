/**
 * PII masking in the ticket view (개인정보 마스킹): select part of a message or of a text field value, press Mask, and
 * the server stores it as `*` per character; people with pii_unmask can show the originals (the server audits each
 * showing). Spans count Unicode characters, as the API does. Agents without a right never see its control.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { masksApi, type Mask, type Span } from '../api/masks';
import type { Me } from '../api/types';
import { Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { errorMessage, useI18n } from '../i18n';
import { useMe } from '../session';
import './masking.css';

/** Anyone who works tickets may mask; only admins and pii_unmask holders may show originals. */
export function maskingRights(me: Me): { canMask: boolean; canUnmask: boolean } {
  const admin = me.role === 'admin';
  return { canMask: admin || me.permissions.includes('ticket'), canUnmask: admin || me.permissions.includes('pii_unmask') };
}

/** The ticket's masks, fetched again whenever `version` changes (its messages or the ticket reloaded). */
export function useMasks(ticketId: string, version: unknown): Mask[] {
  const [masks, setMasks] = useState<Mask[]>([]);
  useEffect(() => {
    let current = true;
    masksApi
      .list(ticketId)
      .then((list) => current && setMasks(list))
      .catch(() => current && setMasks([]));
    return () => {
      current = false;
    };
  }, [ticketId, version]);
  return masks;
}

/** How far above the selection the Mask button floats: its height and a gap. */
const MASK_BUTTON_RISE = 34;

/** Unicode characters, as spans count them. */
const characters = (text: string) => Array.from(text).length;

/** The characters of the container before (node, offset). */
function offsetIn(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return characters(range.toString());
}

/** Sends a mask and reports a refusal; resolves once the caller has reloaded what it shows. */
function useMaskAction(mask: (span: Span) => Promise<unknown>, onMasked: () => void) {
  const { t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (span: Span) => {
    setBusy(true);
    try {
      await mask(span);
      toast(t('masking.masked'));
      onMasked();
    } catch (error) {
      toast(errorMessage(t, error), 'info');
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** Shows and hides the originals of some masks; each showing asks the server again, which audits it. */
function OriginalsToggle({ ticketId, masks, shown, onShown }: { ticketId: string; masks: Mask[]; shown: boolean; onShown: (originals: Record<string, string> | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  if (masks.length === 0) return null;
  const toggle = async () => {
    if (shown) return onShown(null);
    setBusy(true);
    try {
      const opened = await Promise.all(masks.map((mask) => masksApi.unmask(ticketId, mask.id)));
      onShown(Object.fromEntries(opened.map((each) => [each.id, each.original])));
    } catch (error) {
      toast(errorMessage(t, error), 'info');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="mask-reveal" aria-pressed={shown} disabled={busy} onClick={toggle}>
      {busy ? <Spinner size={12} /> : <Icon name={shown ? 'lock' : 'eye'} size={12} />}
      {t(shown ? 'masking.hideOriginal' : 'masking.showOriginal')}
    </button>
  );
}

/** The text with its masked spans marked, showing an original in place of the stars once it is opened. */
function MarkedText({ text, masks, originals }: { text: string; masks: Mask[]; originals: Record<string, string> | null }) {
  const all = Array.from(text);
  const parts = [];
  let at = 0;
  for (const mask of [...masks].sort((a, b) => a.start - b.start)) {
    if (mask.start > at) parts.push(all.slice(at, mask.start).join(''));
    const original = originals?.[mask.id];
    parts.push(
      <mark key={mask.id} className={original === undefined ? 'masked' : 'masked masked-open'}>
        {original ?? all.slice(mask.start, mask.end).join('')}
      </mark>,
    );
    at = mask.end;
  }
  parts.push(all.slice(at).join(''));
  return <>{parts}</>;
}

/** A message body whose selected text can be masked. */
export function MaskableMessage({
  ticketId,
  text,
  masks,
  mask,
  onMasked,
}: {
  ticketId: string;
  text: string;
  masks: Mask[];
  mask: (span: Span) => Promise<unknown>;
  onMasked: () => void;
}) {
  const { t } = useI18n();
  const { canMask, canUnmask } = maskingRights(useMe());
  const body = useRef<HTMLParagraphElement>(null);
  const [selected, setSelected] = useState<(Span & { top: number; left: number }) | null>(null);
  const [originals, setOriginals] = useState<Record<string, string> | null>(null);
  const action = useMaskAction(mask, () => {
    setSelected(null);
    onMasked();
  });

  useEffect(() => {
    if (!canMask) return;
    const follow = () => {
      const container = body.current;
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
      if (!container || !range || !container.contains(range.startContainer) || !container.contains(range.endContainer)) return setSelected(null);
      const start = offsetIn(container, range.startContainer, range.startOffset);
      const end = offsetIn(container, range.endContainer, range.endOffset);
      if (end <= start) return setSelected(null);
      const box = range.getBoundingClientRect();
      const frame = container.getBoundingClientRect();
      // Above the selection, like a selection toolbar: below it the composer may cover the last message.
      setSelected({ start, end, top: box.top - frame.top - MASK_BUTTON_RISE, left: Math.max(0, Math.min(box.left - frame.left, frame.width - 96)) });
    };
    document.addEventListener('selectionchange', follow);
    return () => document.removeEventListener('selectionchange', follow);
  }, [canMask]);

  return (
    <div className="maskable">
      <p className="message-body" ref={body}>
        <MarkedText text={text} masks={masks} originals={originals} />
      </p>
      {selected && (
        <button
          type="button"
          className="button small primary mask-button"
          style={{ top: selected.top, left: selected.left }}
          // Keeps the selection while the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          disabled={action.busy}
          onClick={() => void action.run(selected)}
        >
          {action.busy ? <Spinner size={12} /> : <Icon name="lock" size={12} />}
          {t('masking.mask')}
        </button>
      )}
      {canUnmask && <OriginalsToggle ticketId={ticketId} masks={masks} shown={originals !== null} onShown={setOriginals} />}
    </div>
  );
}

/** A text field value input whose selected text can be masked once saved (the stored value is what is masked). */
export function MaskableFieldInput({
  ticketId,
  value,
  saved,
  masks,
  disabled,
  onChange,
  mask,
  onMasked,
}: {
  ticketId: string;
  value: string;
  /** Whether the input shows the stored value: a draft must be saved before part of it can be masked. */
  saved: boolean;
  masks: Mask[];
  disabled: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  mask: (span: Span) => Promise<unknown>;
  onMasked: () => void;
}) {
  const { t } = useI18n();
  const { canMask, canUnmask } = maskingRights(useMe());
  const [selected, setSelected] = useState<Span | null>(null);
  const [originals, setOriginals] = useState<Record<string, string> | null>(null);
  const action = useMaskAction(mask, () => {
    setSelected(null);
    onMasked();
  });
  const follow = (input: HTMLInputElement) => {
    const { selectionStart, selectionEnd } = input;
    if (selectionStart === null || selectionEnd === null || selectionEnd <= selectionStart) return setSelected(null);
    setSelected({ start: characters(input.value.slice(0, selectionStart)), end: characters(input.value.slice(0, selectionEnd)) });
  };

  return (
    <span className="maskable-field">
      <span className="maskable-field-row">
        <input type="text" disabled={disabled} value={value} onChange={onChange} onSelect={(event) => follow(event.currentTarget)} onBlur={() => setSelected(null)} />
        {canMask && saved && selected && (
          <button
            type="button"
            className="button small mask-button-inline"
            onMouseDown={(event) => event.preventDefault()}
            disabled={action.busy}
            onClick={() => void action.run(selected)}
          >
            {action.busy ? <Spinner size={12} /> : <Icon name="lock" size={12} />}
            {t('masking.mask')}
          </button>
        )}
      </span>
      {canUnmask && masks.length > 0 && (
        <span className="maskable-field-original">
          {originals && (
            <span className="maskable-field-text">
              <MarkedText text={value} masks={masks} originals={originals} />
            </span>
          )}
          <OriginalsToggle ticketId={ticketId} masks={masks} shown={originals !== null} onShown={setOriginals} />
        </span>
      )}
    </span>
  );
}
