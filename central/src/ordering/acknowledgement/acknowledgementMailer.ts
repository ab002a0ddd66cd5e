/**
 * Sends the queued acknowledgement emails (acknowledgementQueue.ts) through SMTP with Nodemailer,
 * after the orders' transactions committed. Rows are claimed with FOR UPDATE SKIP LOCKED and a
 * lease (next_attempt_at), so several instances on one database never send the same email twice
 * and a row whose sender died is picked up again. No SMTP configured: nothing is sent, each
 * acknowledgement is marked skipped with a log line.
 */
import type { FastifyInstance } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../platform/db/db';

export interface MailOptions {
  /** smtp:// or smtps:// URL (OUTPOST_SMTP_URL), e.g. smtp://127.0.0.1:2525; unset: no email. */
  smtpUrl?: string;
  /** The From address (OUTPOST_MAIL_FROM). */
  from?: string;
  /** Time between looks for due emails; default 1000 ms. */
  pollMs?: number;
  /** Where a line about every acknowledgement goes (sent, skipped and why, failed); default the console. */
  log?: (line: string) => void;
}

export const DEFAULT_MAIL_FROM = 'Outpost orders <orders@outpost.example>';
const DEFAULT_POLL_MS = 1000;
const BATCH = 10;
/** A claimed row is retried by anyone after this, should its sender die before it finished. */
const CLAIM_SECONDS = 120;
const MAX_ATTEMPTS = 5;

/** The configured SMTP URL, or an error at start naming what is wrong with it. */
export function parseSmtpUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`OUTPOST_SMTP_URL must be a URL such as smtp://127.0.0.1:2525, got "${value}"`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`OUTPOST_SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  }
  return value;
}

/** OUTPOST_SMTP_URL and OUTPOST_MAIL_FROM. */
export function mailOptionsFromEnv(env: NodeJS.ProcessEnv): MailOptions {
  const smtpUrl = parseSmtpUrl(env.OUTPOST_SMTP_URL);
  const from = env.OUTPOST_MAIL_FROM?.trim();
  return { ...(smtpUrl ? { smtpUrl } : {}), ...(from ? { from } : {}) };
}

interface DueRow extends Record<string, unknown> {
  order_id: string;
  recipient: string | null;
  subject: string;
  body: string;
  attempts: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class AcknowledgementMailer {
  private readonly transport: Transporter | undefined;
  private readonly from: string;
  private readonly log: (line: string) => void;

  constructor(
    private readonly db: Db,
    options: MailOptions,
  ) {
    const smtpUrl = parseSmtpUrl(options.smtpUrl);
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
    this.from = options.from ?? DEFAULT_MAIL_FROM;
    this.log = options.log ?? ((line) => console.log(`[central] ${line}`));
  }

  /** One look: sends (or skips) every due email, at most a batch. Returns how many rows it handled. */
  async sendDue(): Promise<number> {
    const rows = await this.db.query<DueRow>(
      `UPDATE order_acknowledgements
          SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
        WHERE order_id IN (
          SELECT order_id FROM order_acknowledgements
           WHERE done_at IS NULL AND next_attempt_at <= now()
           ORDER BY queued_at, order_id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING order_id, recipient, subject, body, attempts`,
      [BATCH, CLAIM_SECONDS],
    );
    for (const row of rows) await this.handle(row);
    return rows.length;
  }

  private async finish(orderId: string, outcome: 'sent' | 'skipped' | 'failed', detail: string): Promise<void> {
    await this.db.query(`UPDATE order_acknowledgements SET outcome = $2, outcome_detail = $3, done_at = now() WHERE order_id = $1`, [
      orderId,
      outcome,
      detail,
    ]);
  }

  private async handle(row: DueRow): Promise<void> {
    if (!this.transport) {
      const detail = 'no SMTP server configured (OUTPOST_SMTP_URL is not set)';
      this.log(`order ${row.order_id} acknowledged; no email sent: ${detail}`);
      return this.finish(row.order_id, 'skipped', detail);
    }
    if (!row.recipient) {
      const detail = "the customer account has no contact with an email address; add one to the account's contacts";
      this.log(`order ${row.order_id} acknowledged; no email sent: ${detail}`);
      return this.finish(row.order_id, 'skipped', detail);
    }
    try {
      const info = (await this.transport.sendMail({ from: this.from, to: row.recipient, subject: row.subject, text: row.body })) as {
        messageId?: string;
      };
      this.log(`order ${row.order_id} acknowledged; email sent to ${row.recipient}`);
      await this.finish(row.order_id, 'sent', info.messageId ?? 'sent');
    } catch (error) {
      if (row.attempts >= MAX_ATTEMPTS) {
        this.log(
          `order ${row.order_id}: acknowledgement email to ${row.recipient} failed ${row.attempts} times, giving up: ${describe(error)}`,
        );
        await this.finish(row.order_id, 'failed', describe(error));
        return;
      }
      // Back off: 30 s, 60 s, ... before the next attempt.
      await this.db.query(
        `UPDATE order_acknowledgements SET outcome_detail = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE order_id = $1`,
        [row.order_id, describe(error), 30 * row.attempts],
      );
      this.log(`order ${row.order_id}: acknowledgement email to ${row.recipient} failed, retrying later: ${describe(error)}`);
    }
  }

  close(): void {
    this.transport?.close();
  }
}

/**
 * The mailer on a timer for the server's lifetime: every `pollMs` it sends what is due. Stops
 * with the server, after the look in progress, before the database closes.
 */
export function startAcknowledgementMailer(app: FastifyInstance, db: Db, options: MailOptions = {}): AcknowledgementMailer {
  const mailer = new AcknowledgementMailer(db, options);
  // One look at a time: a tick that finds the previous look still sending skips.
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = mailer
      .sendDue()
      .catch((error: unknown) => console.error('[central] acknowledgement emails:', error))
      .finally(() => (running = undefined));
  }, options.pollMs ?? DEFAULT_POLL_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    mailer.close();
  });
  return mailer;
}
