import pg from 'pg';
import type { CollectionName } from '../../../../shared/schemas';
import { toNumber, type Queryable } from '../db/db';
import type { ChangeHub, DocChange } from './hub';

/** The channel the `sync_docs` trigger notifies on commit, with the last seq drawn (migration 6). */
export const SYNC_CHANNEL = 'outpost_sync';
/** Changes read per query; a longer backlog is read in several. */
const PAGE = 5000;

export interface ChangeFeedOptions {
  /**
   * A read of the log this often whatever was heard, so a notification lost with a dropped
   * listening connection delays a change by at most this much. Default 2000.
   */
  pollMs?: number;
  /** First wait before listening again after the connection dropped; doubles up to 30 s. Default 500. */
  reconnectMs?: number;
  log?: (message: string) => void;
  /** Further channels to listen on over the same connection, e.g. the session ends (server.ts). */
  channels?: Record<string, (payload: string) => void>;
}

interface ChangeRow extends Record<string, unknown> {
  collection: CollectionName;
  seq: unknown;
  owner: string | null;
}

/**
 * The change feed of several instances on one PostgreSQL. Every committed write to `sync_docs`
 * notifies SYNC_CHANNEL in its own transaction (delivered at commit, never for a rollback);
 * each instance listens, reads `sync_docs` past the last seq it delivered and hands the rows to
 * its ChangeHub. The notification carries only the seq: the rows themselves come from the
 * table, so nothing depends on a notification arriving. Writers take the write lock before
 * drawing a seq (db.ts), so commit order is seq order and reading `seq > last` skips nothing.
 * A document changed twice between reads is announced once, with its latest seq: the stream
 * only says "pull again".
 */
export class PgChangeFeed {
  private lastSeq = 0;
  private client: pg.Client | undefined;
  private reading: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private reconnectDelay: number;
  private readonly pollMs: number;
  private readonly reconnectMs: number;

  constructor(
    private readonly connectionString: string,
    private readonly db: Queryable,
    private readonly hub: ChangeHub,
    private readonly options: ChangeFeedOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 2000;
    this.reconnectMs = options.reconnectMs ?? 500;
    this.reconnectDelay = this.reconnectMs;
  }

  /** Starts from the current end of the log: a stream's hello already names that seq. */
  async start(): Promise<void> {
    const rows = await this.db.query<{ seq: unknown }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM sync_docs');
    this.lastSeq = toNumber(rows[0]?.seq ?? 0);
    await this.listen();
    // This instance's own commits wake the reader at once, without the notification's round trip.
    this.hub.relayThrough(() => this.wake());
    this.poll = setInterval(() => this.wake(), this.pollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.reconnect);
    await this.reading;
    await this.client?.end().catch(() => undefined);
  }

  /** Reads what is new; a wake during a read makes one more read after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readNew().finally(() => {
      this.reading = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async readNew(): Promise<void> {
    try {
      for (;;) {
        // On the listening connection while there is one: the pool may be queued up with
        // requests under load, and a change must not wait behind them to reach the streams.
        const sql = 'SELECT collection, seq, owner FROM sync_docs WHERE seq > $1 ORDER BY seq LIMIT $2';
        const rows = this.client
          ? (await this.client.query<ChangeRow>(sql, [this.lastSeq, PAGE])).rows
          : await this.db.query<ChangeRow>(sql, [this.lastSeq, PAGE]);
        const changes: DocChange[] = rows.map((row) => ({ collection: row.collection, seq: toNumber(row.seq), owner: row.owner }));
        const last = changes[changes.length - 1];
        if (!last) return;
        this.lastSeq = last.seq;
        this.hub.deliver(changes);
        if (rows.length < PAGE) return;
      }
    } catch (error) {
      // The next wake or poll reads again from the same seq: nothing is skipped.
      if (!this.stopped) this.options.log?.(`change feed read failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.channel === SYNC_CHANNEL && Number(message.payload) > this.lastSeq) this.wake();
      const other = this.options.channels?.[message.channel];
      if (other) other(message.payload ?? '');
    });
    client.on('error', () => this.dropped(client));
    client.on('end', () => this.dropped(client));
    this.client = client;
    await client.connect();
    for (const channel of [SYNC_CHANNEL, ...Object.keys(this.options.channels ?? {})]) await client.query(`LISTEN ${channel}`);
    this.reconnectDelay = this.reconnectMs;
  }

  private dropped(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    this.options.log?.(`change feed lost its listening connection; listening again in ${this.reconnectDelay} ms`);
    this.reconnect = setTimeout(() => {
      this.listen().then(
        // Whatever was committed while nobody listened.
        () => this.wake(),
        () => {
          this.reconnectDelay = Math.min(this.reconnectDelay * 2, 30_000);
          this.dropped(this.client ?? client);
        },
      );
    }, this.reconnectDelay);
  }
}
