/** A ticket's transfers and Dooray conversation, reloaded with the ticket and polled while a Dooray task is being created or worked on. */
import { useCallback, useEffect, useState } from 'react';
import { transfersApi, type DoorayComment, type TicketTransfers } from '../../api/transfers';
import type { Ticket } from '../../api/types';
import { DOORAY_COMMENTABLE } from '../../../../domain/transfer';

const POLL_MS = 3000;

export function useTransfers(ticket: Ticket | null) {
  const [transfers, setTransfers] = useState<TicketTransfers | null>(null);
  const [comments, setComments] = useState<DoorayComment[]>([]);
  const [generation, setGeneration] = useState(0);
  const ticketId = ticket?.id;
  const status = ticket?.status;
  const updatedAt = ticket?.updatedAt;

  useEffect(() => {
    setTransfers(null);
    setComments([]);
  }, [ticketId]);

  useEffect(() => {
    if (!ticketId) return;
    let cancelled = false;
    Promise.all([transfersApi.of(ticketId), transfersApi.conversation(ticketId)])
      .then(([nextTransfers, nextComments]) => {
        if (cancelled) return;
        setTransfers(nextTransfers);
        setComments(nextComments);
      })
      .catch(() => {
        // The panel stays as it was; the ticket view shows the ticket's own errors.
      });
    return () => {
      cancelled = true;
    };
  }, [ticketId, updatedAt, generation]);

  // Dooray answers asynchronously (the task, its status, its comments): look again while something is pending.
  const waiting = transfers?.dooray.at(-1)?.status === 'pending' || (status !== undefined && DOORAY_COMMENTABLE.includes(status));
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setGeneration((value) => value + 1), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { transfers, comments, reload };
}
