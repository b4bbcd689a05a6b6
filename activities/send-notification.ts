import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client';
import { forRecipient, identityWithheld } from '../domain/personal-data';
import { isTownshipScoped, roleOf, type Role } from '../domain/roles';
import { messageIdFor, type MailConfig, type Mailer } from '../notifications/mailer';
import type { Audience, NotificationRequest } from '../notifications/request';
import { render } from '../notifications/templates';

export interface NotificationDeps {
  db: Db;
  mailer: Mailer;
  mail: Pick<MailConfig, 'locale' | 'maxAttempts'>;
}

interface Recipient {
  /** The address, or `user:<username>` for a user without one (recorded, not sent). */
  recipient: string;
  email?: string;
  name?: string;
  userId?: string;
  role?: Role;
}

async function recipientsOf(db: Db, to: Audience): Promise<Recipient[]> {
  if ('addresses' in to) return to.addresses.map((a) => ({ recipient: a.email.toLowerCase(), email: a.email, name: a.name }));
  const users = await db.user.findMany({
    where: {
      // A deactivated account gets no mail.
      active: true,
      OR: to.roles.map((role) => (isTownshipScoped(role) ? { role, townshipCode: to.township ?? '' } : { role })),
    },
    orderBy: { username: 'asc' },
  });
  return users.map((u) => ({
    recipient: u.email ? u.email.toLowerCase() : `user:${u.username}`,
    email: u.email ?? undefined, name: u.displayName, userId: u.id, role: roleOf(u.role),
  }));
}

/**
 * A message as one recipient may receive it: for a township user and an accusation, no petitioner line,
 * and the identity blanked wherever else it appears (DESIGN.md §4).
 */
function messageFor(req: NotificationRequest, r: Recipient, locale: MailConfig['locale']) {
  const facts = req.case;
  const withheld = Boolean(facts && r.role && identityWithheld(facts.kind, r.role));
  const shown = facts && withheld ? { ...facts, petitioner: undefined } : facts;
  const message = render(req.template, locale, { recipientName: r.name, case: shown, data: req.data });
  return facts && r.role ? forRecipient(message, { kind: facts.kind, identity: facts.petitioner ?? {} }, r.role) : message;
}

export interface NotificationResult {
  sent: number;
  failed: number;
  noAddress: number;
}

export function createSendNotification({ db, mailer, mail }: NotificationDeps) {
  /**
   * Sends one templated message to every recipient, once. Each (key, recipient) has a row written
   * before sending and marked after, so a retry skips what was sent. A failed send is retried by
   * Temporal until the row has had `maxAttempts` attempts; then it is recorded as failed.
   */
  return async function sendNotification(req: NotificationRequest): Promise<NotificationResult> {
    const result: NotificationResult = { sent: 0, failed: 0, noAddress: 0 };
    let retryLater = false;
    for (const r of await recipientsOf(db, req.to)) {
      const where = { key_recipient: { key: req.key, recipient: r.recipient } };
      await db.notification.createMany({
        data: [{ key: req.key, recipient: r.recipient, userId: r.userId, caseId: req.case?.caseId, template: req.template, status: r.email ? 'pending' : 'no_address' }],
        skipDuplicates: true,
      });
      const row = await db.notification.findUniqueOrThrow({ where });
      if (row.status === 'no_address') { result.noAddress++; continue; }
      if (row.status === 'sent') { result.sent++; continue; }
      if (row.status === 'failed') { result.failed++; continue; }
      const message = messageFor(req, r, mail.locale);
      const messageId = messageIdFor(req.key, r.recipient);
      const attempt = await db.notification.update({ where, data: { attempts: { increment: 1 }, subject: message.subject, messageId } });
      try {
        await mailer.send({ to: r.email!, ...message, messageId });
        await db.notification.update({ where, data: { status: 'sent', sentAt: new Date(), error: null } });
        result.sent++;
      } catch (e) {
        const final = attempt.attempts >= mail.maxAttempts;
        await db.notification.update({ where, data: { status: final ? 'failed' : 'pending', error: String((e as Error).message ?? e).slice(0, 1000) } });
        if (final) result.failed++;
        else retryLater = true;
      }
    }
    if (retryLater) throw ApplicationFailure.retryable(`some messages of ${req.key} could not be sent yet`, 'MailNotSent');
    return result;
  };
}
