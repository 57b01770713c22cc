/**
 * Performs one side effect of a trigger evaluation: notify by email, forward by email, call a callback URL,
 * post a Dooray! Messenger notification. Each is done once: a row already marked sent is not sent again, and
 * the receiver gets a stable idempotency key (Message-ID, `Idempotency-Key` header) to drop a resend caused
 * by a crash between sending and recording.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { SideEffectResult } from '../rules/cycle';
import type { Sql } from '../store/db';
import { findSideEffect, recordSideEffectAttempt } from '../store/evaluations';
import { activeGroupMemberEmails, findTicketContacts } from '../store/ticket-snapshot';
import type { Mailer, OutgoingMail } from '../clients/mailer';
import { postJson, type OutboundPolicy } from '../clients/outbound';
import { mintHookUrl, signPayload, type SigningKey } from '../infra/signing';
import { jsonStringContent, loadTemplateContext, renderTemplate, type TemplateContext } from './templates';

export interface SideEffectRef {
  ticketId: string;
  evaluation: number;
  index: number;
}

export interface SideEffectOutcome {
  status: 'sent' | 'skipped' | 'failed';
  /** A forward-by-email result asked for the ticket to be completed once sent. */
  thenComplete: boolean;
}

interface Deps {
  sql: Sql;
  mailer: Mailer | null;
  outbound: OutboundPolicy;
  publicUrl: string;
  signing: CallbackSigning;
}

/** How callback URL requests are signed and what reply URL they carry; without keys they go unsigned, without one. */
export interface CallbackSigning {
  keys: readonly SigningKey[] | null;
  replyTtlSeconds: number;
}

/**
 * The body and headers of a callback URL request: a single-use reply URL (add a comment to the ticket) under
 * `replyUrl`, and `X-Contactflow-Signature: t=…,v1=…` over `<t>.<body>` so the receiver can check it came from us.
 */
export function signedCallback(payload: unknown, ticketId: string, publicUrl: string, signing: CallbackSigning, now = Date.now()) {
  if (!signing.keys) return { body: payload, headers: {} as Record<string, string> };
  const reply = mintHookUrl(signing.keys, publicUrl, { workflowId: `ticket-${ticketId}`, action: 'comment', ttlSeconds: signing.replyTtlSeconds, singleUse: true, now });
  const body = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? { ...payload, replyUrl: reply.url } : { payload, replyUrl: reply.url };
  // postJson serialises the same object with the same JSON.stringify, so the signed text is the text sent.
  const { header, kid } = signPayload(signing.keys, JSON.stringify(body), Math.floor(now / 1000));
  return { body, headers: { 'x-contactflow-signature': header, 'x-contactflow-key-id': kid } };
}

const PREFERRED_LANGUAGES = ['ko', 'en'];

function pickMessage(messages: Record<string, { subject: string; body: string }>) {
  const language = PREFERRED_LANGUAGES.find((code) => code in messages) ?? Object.keys(messages)[0];
  return messages[language];
}

/** Thrown when a delivery cannot happen at all (no SMTP, no address): recorded as skipped, never retried. */
export class Skip extends Error {}

export type DeliveryStatus = 'sent' | 'skipped' | 'failed';

/**
 * Runs one delivery attempt and records its outcome. Skips and permanent failures are recorded as final;
 * a transient failure is recorded and rethrown for the retry policy, until the last attempt, which is final.
 */
export async function deliver(
  attempt: () => Promise<unknown>,
  record: (status: DeliveryStatus | 'pending', error: string | null, detail: unknown) => Promise<void>,
): Promise<DeliveryStatus> {
  try {
    await record('sent', null, await attempt());
    return 'sent';
  } catch (error) {
    if (error instanceof Skip) {
      await record('skipped', error.message, null);
      return 'skipped';
    }
    const final = (error instanceof ApplicationFailure && error.nonRetryable) || isLastAttempt();
    await record(final ? 'failed' : 'pending', (error as Error).message, null);
    if (final) return 'failed';
    throw error;
  }
}

/** Whether the retry policy the workflow gave this activity allows no further attempt. */
function isLastAttempt(): boolean {
  const { attempt, retryPolicy } = Context.current().info;
  const maximum = retryPolicy?.maximumAttempts ?? 0;
  return maximum > 0 && attempt >= maximum;
}

/** Sends one mail, or skips when no mail can be sent. */
export async function sendMail(mailer: Mailer | null, mail: OutgoingMail): Promise<{ recipients: string[] }> {
  if (!mailer) throw new Skip('SMTP_URL is not set: no mail can be sent');
  if (mail.to.length === 0) throw new Skip('no recipient address');
  await mailer.send(mail);
  return { recipients: mail.to };
}

export function sideEffectActivities(deps: Deps) {
  const { sql } = deps;

  async function recipients(result: Extract<SideEffectResult, { type: 'notifyEmail' }>, ticketId: string): Promise<string[]> {
    const ticket = await findTicketContacts(sql, ticketId);
    if (!ticket) throw new Error(`ticket ${ticketId} is not in the read model`);
    if (result.to === 'customer') return ticket.customer_email ? [ticket.customer_email] : [];
    if (result.to === 'assignee') return ticket.assignee_email ? [ticket.assignee_email] : [];
    if (!ticket.group_id) return [];
    return activeGroupMemberEmails(sql, ticket.group_id);
  }

  const mail = (to: string[], subject: string, text: string, ref: SideEffectRef) =>
    sendMail(deps.mailer, { to, subject, text, messageId: `<${ref.ticketId}.${ref.evaluation}.${ref.index}@contactflow>` });

  async function perform(result: SideEffectResult, context: TemplateContext, ref: SideEffectRef): Promise<Record<string, unknown>> {
    const key = `${ref.ticketId}-${ref.evaluation}-${ref.index}`;
    switch (result.type) {
      case 'notifyEmail': {
        const message = pickMessage(result.messages);
        return mail(await recipients(result, ref.ticketId), renderTemplate(message.subject, context), renderTemplate(message.body, context), ref);
      }
      case 'forwardEmail': {
        const body = [
          `Ticket ${context['ticket.id']} — ${context['ticket.subject']}`,
          `Status: ${context['ticket.status']}  Priority: ${context['ticket.priority']}  Channel: ${context['ticket.channel']}`,
          `Customer: ${context['customer.name']} <${context['customer.email']}> ${context['customer.phone']}`,
          '',
          context['ticket.content'],
          '',
          `Open the ticket: ${context['ticket.url']}`,
        ].join('\n');
        return mail(result.to, `[${context['service.name']}] ${context['ticket.subject']} (${context['ticket.id']})`, body, ref);
      }
      case 'callbackUrl': {
        let payload: unknown;
        try {
          payload = JSON.parse(renderTemplate(result.payloadTemplate, context, jsonStringContent));
        } catch (error) {
          throw ApplicationFailure.nonRetryable(`the payload template is not JSON once filled: ${(error as Error).message}`, 'callback.invalid_payload');
        }
        const signed = signedCallback(payload, ref.ticketId, deps.publicUrl, deps.signing);
        const status = await postJson(result.url, signed.body, deps.outbound, { 'idempotency-key': key, ...signed.headers });
        return { httpStatus: status };
      }
      case 'doorayNotify': {
        const status = await postJson(
          result.hookUrl,
          {
            botName: 'Contactflow',
            text: renderTemplate(result.template, context),
            attachments: [{ title: context['ticket.subject'], titleLink: context['ticket.url'], text: context['ticket.id'] }],
          },
          deps.outbound,
        );
        return { httpStatus: status };
      }
    }
  }

  return {
    async performSideEffect(ref: SideEffectRef): Promise<SideEffectOutcome> {
      const row = await findSideEffect(sql, ref);
      if (!row) throw ApplicationFailure.nonRetryable(`no side effect ${ref.ticketId}/${ref.evaluation}/${ref.index}`, 'side_effect.unknown');
      const thenComplete = row.result.type === 'forwardEmail' && row.result.thenComplete;
      if (row.status !== 'pending') return { status: row.status as SideEffectOutcome['status'], thenComplete: row.status === 'sent' && thenComplete };

      const status = await deliver(
        async () => perform(row.result, await loadTemplateContext(sql, ref.ticketId, deps.publicUrl), ref),
        (outcome, error, detail) => recordSideEffectAttempt(sql, ref, outcome, error, detail),
      );
      return { status, thenComplete: status === 'sent' && thenComplete };
    },
  };
}
