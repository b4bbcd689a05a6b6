// Mail through nodemailer: SMTP when SMTP_URL is set, otherwise an outbox folder of .eml files (the
// default for `npm start`, readable by any mail client). One small API for every sender:
//
//   const mailer = createMailer(config.mail);
//   await mailer.send({ to, subject, text, html?, messageId });
//
// Workflows do not call it: they ask the `sendNotification` activity (activities/send-notification.ts),
// which records every message in the Notification table and never sends one key twice.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { privateDir } from '../config/private-files';
import type { Locale } from './templates';

export interface MailConfig {
  /** The From header, e.g. `件件落实 <noreply@example.gov.cn>`. */
  from: string;
  /** `smtp://user:pass@host:587` or `smtps://…`; unset means the outbox folder. */
  smtpUrl?: string;
  outboxDir: string;
  /** The language of templated messages. */
  locale: Locale;
  /** Attempts per message before it is recorded as failed. */
  maxAttempts: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text, when the message has one (the weekly report). */
  html?: string;
  /** A stable Message-ID: the same message always carries the same one. */
  messageId: string;
}

export interface Mailer {
  /** `smtp://host:port` or `outbox:/path`, for logs (never the password). */
  readonly transport: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A Message-ID derived from the notification's key and recipient. */
export function messageIdFor(key: string, recipient: string): string {
  return `<${crypto.createHash('sha256').update(`${key}\n${recipient}`).digest('hex').slice(0, 32)}@jianjian>`;
}

export function createMailer(config: MailConfig): Mailer {
  return config.smtpUrl ? smtpMailer(config, config.smtpUrl) : outboxMailer(config);
}

function smtpMailer(config: MailConfig, url: string): Mailer {
  const transporter = nodemailer.createTransport(url);
  const u = new URL(url);
  return {
    transport: `${u.protocol}//${u.host}`,
    async send(mail) {
      await transporter.sendMail({ from: config.from, ...mail });
    },
    close: () => transporter.close(),
  };
}

function outboxMailer(config: MailConfig): Mailer {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    transport: `outbox:${config.outboxDir}`,
    async send(mail) {
      const info = await transporter.sendMail({ from: config.from, ...mail });
      privateDir(config.outboxDir);
      // Named after the Message-ID, so sending a message again rewrites the same file.
      const name = `${mail.messageId.replace(/[<>@]/g, '').slice(0, 32)}.eml`;
      fs.writeFileSync(path.join(config.outboxDir, name), info.message as Buffer, { mode: 0o600 });
    },
    close: () => transporter.close(),
  };
}
