/**
 * Test support: one signed-in session per demo identity and raw HTTP calls that keep status,
 * headers and body together, so a case can assert the status and then hand the body to
 * expectConformant.
 */
import { integrationToken, signIn } from '../test/client';
import { apiOfPath, expectConformant, type ConformanceOptions } from './tmfConformance';

/** The demo identities (central/README.md): two reps of manager morgan, an admin, an integration client. */
export const WHO = ['alex', 'sam', 'morgan', 'admin', 'tmf'] as const;
export type Who = (typeof WHO)[number];

export const USER_ID: Record<Who, string> = {
  alex: 'user-alex',
  sam: 'user-sam',
  morgan: 'user-morgan',
  admin: 'user-admin',
  tmf: 'client-tmf',
};

/** A rep of no manager's team (authorization matrix): exists only where a test inserts it. */
export type Caller = Who | 'pat';

export interface Session {
  url: string;
  tokens: Record<Who, string> & Partial<Record<Caller, string>>;
}

/** Signs in the five demo identities, plus `extra` users the test inserted (password `demo`). */
export async function openSession(url: string, extra: readonly Exclude<Caller, Who>[] = []): Promise<Session> {
  const entries = await Promise.all(
    [...WHO, ...extra].map(async (who) => [who, who === 'tmf' ? await integrationToken(url) : await signIn(url, who)] as const),
  );
  return { url, tokens: Object.fromEntries(entries) as Session['tokens'] };
}

export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when it is not JSON, undefined when empty. */
  body: unknown;
}

export interface CallOptions {
  /** Sent as is (a string is sent raw, anything else as JSON). */
  body?: unknown;
  contentType?: string;
  /** null = no Authorization header. */
  who?: Caller | null;
  headers?: Record<string, string>;
}

export async function call(session: Session, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const who = options.who === undefined ? 'tmf' : options.who;
  if (who !== null) {
    const token = session.tokens[who];
    if (!token) throw new Error(`${who} is not signed in; pass it to openSession`);
    headers.authorization = `Bearer ${token}`;
  }
  let payload: string | undefined;
  if (options.body !== undefined) {
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(session.url + path, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text === '' ? undefined : text;
  if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text) as unknown;
  return { method, path, status: response.status, headers: response.headers, body };
}

/**
 * Asserts the status, then that the body conforms to the spec of the API the path belongs to
 * (`template` is the server route, e.g. `/tmf-api/sales/v4/salesLead/:id`). Returns the body.
 */
export function conforms<T = Record<string, unknown>>(
  answer: Answer,
  template: string,
  expected: number | readonly number[],
  options: ConformanceOptions = {},
): T {
  const statuses = typeof expected === 'number' ? [expected] : expected;
  if (!statuses.includes(answer.status)) {
    throw new Error(
      `${answer.method} ${answer.path}: expected ${statuses.join(' or ')}, got ${answer.status}: ${JSON.stringify(answer.body)}`,
    );
  }
  const api = apiOfPath(template);
  if (!api) throw new Error(`${template} is under no TMF API this suite knows; add its spec to tmfConformance.ts`);
  expectConformant(api, answer.method, template, answer.status, answer.body, options);
  if (answer.status >= 400) {
    // Beyond the spec's Error (only code + reason required): the central system's own promise.
    const error = answer.body as Record<string, unknown>;
    if (error.status !== String(answer.status) || typeof error.reason !== 'string' || error.reason === '') {
      throw new Error(
        `${answer.method} ${answer.path}: the Error body lacks status "${answer.status}" or a reason: ${JSON.stringify(error)}`,
      );
    }
  }
  return answer.body as T;
}
