/**
 * The network side of the hub callback guard: resolve the callback's host, refuse it when any
 * address it resolves to is internal (callbackAddress.ts), and POST to exactly the address
 * that was vetted, so a DNS answer that changes between check and connect (rebinding) cannot
 * slip an internal address in.
 */
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIpLiteral, refusalOf, type CallbackAllowList } from './callbackAddress';

/** A callback that must not be called; `message` says why and how to allow it. */
export class CallbackRefused extends Error {}

export interface VettedTarget {
  address: string;
  family: 4 | 6;
}

function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** The address to connect to for `url`, or CallbackRefused. */
export async function vetCallback(url: URL, allow: CallbackAllowList): Promise<VettedTarget> {
  const host = hostOf(url);
  if (isIpLiteral(host)) {
    const refusal = refusalOf(allow, host, host);
    if (refusal) throw new CallbackRefused(refusal);
    return { address: host, family: host.includes(':') ? 6 : 4 };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'no answer';
    throw new CallbackRefused(`callback host ${host} does not resolve (${code}); register a callback whose host name exists`);
  }
  // Every answer is checked: the connection could otherwise be steered to the internal one.
  for (const { address } of addresses) {
    const refusal = refusalOf(allow, host, address);
    if (refusal) throw new CallbackRefused(refusal);
  }
  const first = addresses[0];
  if (!first) throw new CallbackRefused(`callback host ${host} resolves to no address`);
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface PostOptions {
  allow: CallbackAllowList;
  signal: AbortSignal;
}

/** POSTs `body` as JSON to the vetted address of `callback`; resolves with the HTTP status. Redirects are not followed. */
export async function postToCallback(callback: string, body: string, options: PostOptions): Promise<number> {
  const url = new URL(callback);
  const target = await vetCallback(url, options.allow);
  // Connects to the vetted address whatever DNS says now; TLS still checks the certificate of the name.
  const pinned: LookupFunction = (_hostname, lookupOptions, done) => {
    if (lookupOptions.all) done(null, [{ address: target.address, family: target.family }]);
    else done(null, target.address, target.family);
  };
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'outpost-central',
      'content-length': Buffer.byteLength(body),
    },
    lookup: pinned,
    signal: options.signal,
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const outgoing = send(url, requestOptions, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
