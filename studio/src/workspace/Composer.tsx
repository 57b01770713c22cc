/**
 * Writing to the ticket: a final reply (resolve), an interim answer (hold), a comment or an internal
 * note. Only the modes the ticket allows are offered; Ctrl/⌘+Enter sends.
 */
import { useEffect, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { ErrorBanner, Kbd, Spinner } from '../components/feedback';
import { Icon, type IconName } from '../components/icons';
import { useLang } from '../i18n';
import type { Label } from '../vocabulary';
import type { TicketAction } from './actions';

export type ComposerMode = 'reply' | 'interim' | 'comment' | 'internal_note';

const MODES: Record<ComposerMode, { action: TicketAction; tab: Label; submit: Label; placeholder: string; icon: IconName }> = {
  reply: {
    action: 'resolve',
    tab: { en: 'Reply & resolve', ko: '답변 · 해결' },
    submit: { en: 'Send and resolve', ko: '답변 보내고 해결' },
    placeholder: 'Write the final answer. The customer receives it by email and the ticket becomes 해결 (resolved).',
    icon: 'send',
  },
  interim: {
    action: 'hold',
    tab: { en: 'Interim answer', ko: '보류' },
    submit: { en: 'Send and hold', ko: '중간 답변 보내고 보류' },
    placeholder: 'Tell the customer what happens next. The ticket waits as 보류중 (on hold).',
    icon: 'pause',
  },
  comment: {
    action: 'comment',
    tab: { en: 'Comment', ko: '댓글' },
    submit: { en: 'Add comment', ko: '댓글 추가' },
    placeholder: 'Add a comment to the history. The status does not change.',
    icon: 'message',
  },
  internal_note: {
    action: 'comment',
    tab: { en: 'Internal note', ko: '내부 메모' },
    submit: { en: 'Add internal note', ko: '내부 메모 추가' },
    placeholder: 'Only agents see internal notes.',
    icon: 'lock',
  },
};

export function Composer({
  allowed,
  busy,
  error,
  onDismissError,
  onSubmit,
  textareaRef,
  ticketId,
}: {
  allowed: Set<TicketAction>;
  busy: boolean;
  error: unknown;
  onDismissError: () => void;
  onSubmit: (mode: ComposerMode, body: string) => Promise<boolean>;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  ticketId: string;
}) {
  const { t } = useLang();
  const modes = (Object.keys(MODES) as ComposerMode[]).filter((mode) => allowed.has(MODES[mode].action));
  const [mode, setMode] = useState<ComposerMode>(modes[0] ?? 'comment');
  const [body, setBody] = useState('');

  useEffect(() => {
    setBody('');
  }, [ticketId]);
  useEffect(() => {
    if (!modes.includes(mode) && modes[0]) setMode(modes[0]);
  }, [modes, mode]);

  if (modes.length === 0) return null;
  const active = MODES[mode];

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || busy) return;
    if (await onSubmit(mode, body.trim())) setBody('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form className={`composer composer-${mode}${body ? ' has-text' : ''}`} onSubmit={submit}>
      <div className="composer-tabs" role="tablist" aria-label="What to write">
        {modes.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={candidate === mode}
            className="composer-tab"
            onClick={() => {
              setMode(candidate);
              textareaRef.current?.focus();
            }}
          >
            <Icon name={MODES[candidate].icon} size={13} />
            {t(MODES[candidate].tab)}
          </button>
        ))}
      </div>
      <textarea
        ref={textareaRef}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={active.placeholder}
        rows={2}
        aria-label={t(active.tab)}
      />
      <ErrorBanner error={error} onDismiss={onDismissError} />
      <div className="composer-foot">
        <span className="muted small">
          <Kbd>Ctrl</Kbd> <Kbd>Enter</Kbd> to send
        </span>
        <button type="submit" className={`button ${mode === 'internal_note' ? 'note' : 'primary'}`} disabled={busy || !body.trim()}>
          {busy ? <Spinner size={14} /> : <Icon name={active.icon} size={14} />}
          {t(active.submit)}
        </button>
      </div>
    </form>
  );
}
