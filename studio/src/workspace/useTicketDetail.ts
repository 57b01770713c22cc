/** A ticket with its processing history and event log, reloaded together after every action. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import { useLiveEvents } from '../api/live';
import type { Ticket, TicketEvent, TicketMessage } from '../api/types';

const EMAIL_RECHECK_MS = 2_000;
// Several changes in a row (a take and its trigger's edits) are read back once.
const LIVE_PAUSE_MS = 250;

export interface TicketDetailData {
  ticket: Ticket | null;
  messages: TicketMessage[] | null;
  events: TicketEvent[] | null;
  loading: boolean;
  error: unknown;
  /** Shows the ticket an action returned at once, then refreshes the history behind it. */
  accept: (ticket: Ticket) => void;
  reload: () => void;
}

export function useTicketDetail(id: string): TicketDetailData {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [messages, setMessages] = useState<TicketMessage[] | null>(null);
  const [events, setEvents] = useState<TicketEvent[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    setTicket(null);
    setMessages(null);
    setEvents(null);
    setLoading(true);
    setError(null);
  }, [id]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([ticketsApi.get(id), ticketsApi.messages(id), ticketsApi.events(id)])
      .then(([nextTicket, nextMessages, nextEvents]) => {
        if (cancelled) return;
        setTicket(nextTicket);
        setMessages([...nextMessages].sort((a, b) => a.seq - b.seq));
        setEvents([...nextEvents].sort((a, b) => a.seq - b.seq));
        setLoading(false);
      })
      .catch((caught) => {
        if (cancelled) return;
        setError(caught);
        setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [id, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  // An email still on its way: look again shortly, so the message shows whether it was sent without a reload.
  const emailPending = messages?.some((message) => message.emailStatus === 'pending') ?? false;
  useEffect(() => {
    if (!emailPending) return;
    const timer = setTimeout(reload, EMAIL_RECHECK_MS);
    return () => clearTimeout(timer);
  }, [emailPending, generation, reload]);
  // Someone else (or a trigger) changed the ticket: show it as it is now.
  const liveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(liveTimer.current), []);
  useLiveEvents((event) => {
    if (event.type === 'ticket' && event.ticketId !== id) return;
    clearTimeout(liveTimer.current);
    liveTimer.current = setTimeout(reload, LIVE_PAUSE_MS);
  });

  const accept = useCallback(
    (next: Ticket) => {
      setTicket(next);
      reload();
    },
    [reload],
  );

  return { ticket, messages, events, loading, error, accept, reload };
}
