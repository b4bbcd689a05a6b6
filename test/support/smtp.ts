// A real SMTP server (smtp-server) for a test file: it keeps every message it accepts, parsed, and
// refuses any recipient whose address starts with "broken", as a mailbox that does not exist.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId?: string;
}

export interface SmtpCapture {
  url: string;
  received: ReceivedMail[];
  /** Recipients refused at RCPT TO, in order. */
  refused: string[];
  close(): Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: ReceivedMail[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('broken')) { refused.push(address.address); cb(new Error('mailbox unavailable')); return; }
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream).then((m) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address), subject: m.subject ?? '', text: m.text ?? '', html: m.html || '', messageId: m.messageId,
        });
        cb();
      }, cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
