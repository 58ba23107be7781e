import { createHmac } from 'crypto';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  raw: string;
}

/** A real SMTP server (the smtp-server package) that keeps what it receives; it can refuse on demand. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** While true, every message is refused with a temporary failure (451). */
  refusing = false;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          if (this.refusing) {
            const error = new Error('try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          // Long header lines arrive folded (RFC 5322): unfold the header section before reading it.
          const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
          const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
          this.received.push({ messageId: header('Message-ID'), to: header('To'), subject: header('Subject'), raw });
          callback();
        });
      },
    });
  }

  async start(): Promise<this> {
    // A sender killed mid-session resets its connection; that is the drill, not a failure of the sink.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Distinct messages by Message-ID: what a receiver that drops repeats would keep. */
  uniqueIds(): Set<string> {
    return new Set(this.received.map((m) => m.messageId));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface ReceivedHook {
  idempotencyKey: string;
  signatureValid: boolean;
  body: Record<string, unknown>;
}

/** A real HTTP receiver for webhook deliveries; it checks signatures and can fail on demand. */
export class WebhookSink {
  readonly received: ReceivedHook[] = [];
  /** The status it answers with; 500 makes every delivery fail. */
  status = 200;
  private server: Server;
  port = 0;

  constructor(readonly secret: string) {
    this.server = createServer((request: IncomingMessage, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        if (this.status === 200) {
          const expected = `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`;
          this.received.push({
            idempotencyKey: String(request.headers['idempotency-key']),
            signatureValid: request.headers['x-skillbridge-signature'] === expected,
            body: JSON.parse(raw),
          });
        }
        response.writeHead(this.status).end();
      });
    });
  }

  async start(): Promise<this> {
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` holds, or fails with its last value. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The text body of a single-part message as nodemailer writes it (quoted-printable, base64 or plain), decoded. */
export function mailText(mail: ReceivedMail): string {
  const split = mail.raw.search(/\r?\n\r?\n/);
  const headers = mail.raw.slice(0, split);
  const body = mail.raw.slice(split).trim();
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The subject with its RFC 2047 encoded words (as nodemailer writes non-ASCII subjects) decoded. */
export function mailSubject(mail: ReceivedMail): string {
  return mail.subject.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
