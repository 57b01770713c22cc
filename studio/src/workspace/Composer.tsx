/**
 * Writing to the ticket: a final reply (resolve), an interim answer (hold) or an internal note (a comment only agents
 * see). Only the modes the ticket allows are offered, and the first of them is chosen until the agent picks another:
 * after Take the composer moves to the reply. Ctrl/⌘+Enter sends; with Shift, or "Send & next", the next ticket of
 * the list opens once it is sent.
 */
import { useEffect, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { ErrorBanner, Kbd, Spinner } from '../components/feedback';
import { Icon, type IconName } from '../components/icons';
import { rich, useI18n } from '../i18n';
import type { UploadedAttachment } from '../api/desk';
import type { TicketAction } from './actions';
import { ComposerExtras } from './ComposerExtras';
import './desk.css';

export type ComposerMode = 'reply' | 'interim' | 'internal_note';

/** Which action each mode needs; the words are `workspace.composer.<mode>.{tab,submit,placeholder}`. */
const MODES: Record<ComposerMode, { action: TicketAction; icon: IconName }> = {
  reply: { action: 'resolve', icon: 'send' },
  interim: { action: 'hold', icon: 'pause' },
  internal_note: { action: 'comment', icon: 'lock' },
};

export function Composer({
  allowed,
  busy,
  error,
  onDismissError,
  onSubmit,
  textareaRef,
  ticketId,
  serviceId,
  chosen,
  onChoose,
  canSendNext,
}: {
  allowed: Set<TicketAction>;
  busy: boolean;
  error: unknown;
  onDismissError: () => void;
  /** Sends; `next` asks for the list's next ticket once it is sent. */
  onSubmit: (mode: ComposerMode, body: string, attachmentIds: string[], next: boolean) => Promise<boolean>;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  ticketId: string;
  serviceId: string;
  /** The mode the agent picked (or a shortcut chose); null: the first the ticket allows. */
  chosen: ComposerMode | null;
  onChoose: (mode: ComposerMode) => void;
  /** Whether the list has a ticket to open after this one. */
  canSendNext: boolean;
}) {
  const { t } = useI18n();
  const modes = (Object.keys(MODES) as ComposerMode[]).filter((mode) => allowed.has(MODES[mode].action));
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<UploadedAttachment[]>([]);

  useEffect(() => {
    setBody('');
    setAttachments([]);
  }, [ticketId]);

  if (modes.length === 0) return null;
  const mode = chosen && modes.includes(chosen) ? chosen : modes[0];
  const active = MODES[mode];

  async function submit(event?: FormEvent, next = false) {
    event?.preventDefault();
    if (!body.trim() || busy) return;
    if (await onSubmit(mode, body.trim(), attachments.map((attachment) => attachment.id), next && canSendNext)) {
      setBody('');
      setAttachments([]);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit(undefined, event.shiftKey);
    }
  }

  return (
    <form className={`composer composer-${mode}${body ? ' has-text' : ''}`} onSubmit={submit}>
      <div className="composer-tabs" role="tablist" aria-label={t('workspace.composer.label')}>
        {modes.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={candidate === mode}
            className="composer-tab"
            onClick={() => {
              onChoose(candidate);
              textareaRef.current?.focus();
            }}
          >
            <Icon name={MODES[candidate].icon} size={13} />
            {t(`workspace.composer.${candidate}.tab`)}
          </button>
        ))}
      </div>
      <textarea
        ref={textareaRef}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t(`workspace.composer.${mode}.placeholder`)}
        rows={2}
        aria-label={t(`workspace.composer.${mode}.tab`)}
      />
      <ComposerExtras
        ticketId={ticketId}
        serviceId={serviceId}
        attachments={attachments}
        onAttachments={setAttachments}
        onInsert={(text) => setBody((current) => (current ? `${current}\n${text}` : text))}
      />
      <ErrorBanner error={error} onDismiss={onDismissError} />
      <div className="composer-foot">
        <span className="muted small">
          {rich(t('workspace.composer.sendHint'), {
            keys: (
              <>
                <Kbd>{t('shell.help.key.ctrl')}</Kbd> <Kbd>{t('shell.help.key.enter')}</Kbd>
              </>
            ),
          })}
        </span>
        <div className="composer-buttons">
          {canSendNext && (
            <button type="button" className="button" onClick={() => void submit(undefined, true)} disabled={busy || !body.trim()} title={t('workspace.composer.sendNextHint')}>
              {t('workspace.composer.sendNext')}
            </button>
          )}
          <button type="submit" className={`button ${mode === 'internal_note' ? 'note' : 'primary'}`} disabled={busy || !body.trim()}>
            {busy ? <Spinner size={14} /> : <Icon name={active.icon} size={14} />}
            {t(`workspace.composer.${mode}.submit`)}
          </button>
        </div>
      </div>
    </form>
  );
}
