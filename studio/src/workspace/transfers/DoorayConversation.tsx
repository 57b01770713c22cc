/** The Dooray conversation tab: comments on the ticket's Dooray! tasks, and a box to comment while the task is open. */
import { useState } from 'react';
import { transfersApi, type DoorayComment } from '../../api/transfers';
import type { Ticket } from '../../api/types';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { DOORAY_COMMENTABLE } from '../../../../domain/transfer';

export function DoorayConversation({ ticket, comments, onChanged }: { ticket: Ticket; comments: DoorayComment[]; onChanged: () => void }) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const toast = useToast();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = DOORAY_COMMENTABLE.includes(ticket.status);

  return (
    <div className="dooray-conversation">
      {comments.length === 0 ? (
        <p className="muted dooray-empty">{t('transfers.conversation.empty')}</p>
      ) : (
        <ol className="dooray-comments">
          {comments.map((comment) => (
            <li key={`${comment.transferId}-${comment.commentId}`} className={`dooray-comment ${comment.direction}`}>
              <header>
                <strong>{comment.authorName ?? '—'}</strong>
                {comment.direction === 'out' && <span className="muted small">{t('transfers.conversation.ours')}</span>}
                <time className="muted small" dateTime={comment.at} title={formatDateTime(comment.at)}>
                  {formatRelative(comment.at)}
                </time>
              </header>
              <p>{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <form
          className="dooray-compose"
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await transfersApi.comment(ticket.id, body.trim());
              toast(t('transfers.toast.comment'));
              setBody('');
              onChanged();
            } catch (caught) {
              setError(caught);
            } finally {
              setBusy(false);
            }
          }}
        >
          <textarea
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={2}
            placeholder={t('transfers.conversation.placeholder')}
            aria-label={t('transfers.conversation.placeholder')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
            }}
          />
          <button type="submit" className="button primary" disabled={busy || !body.trim()}>
            {busy && <Spinner size={14} />} {t('transfers.conversation.send')}
          </button>
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </form>
      ) : (
        <p className="muted small">{t('transfers.conversation.closedHint')}</p>
      )}
    </div>
  );
}
