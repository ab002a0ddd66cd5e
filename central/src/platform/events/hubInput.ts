import { badRequest } from '../http/errors';
import { isObject } from '../json';
import { MAX_QUERY_LENGTH, parseSubscriptionQuery, type EventFilter } from './subscriptionQuery';

export interface HubInput {
  callback: string;
  query?: string;
  filter: EventFilter;
}

const MAX_CALLBACK_LENGTH = 2000;

/** TMF EventSubscriptionInput: `callback` (required, an http or https URL) and an optional `query`. */
export function parseHubInput(body: unknown): HubInput {
  if (!isObject(body)) {
    throw badRequest('Send an EventSubscriptionInput JSON object: {"callback": "https://...", "query": "eventType=..."}');
  }
  const { callback, query } = body;
  if (typeof callback !== 'string' || callback.trim() === '') {
    throw badRequest('callback is required: the http(s) URL the events are POSTed to');
  }
  if (callback.length > MAX_CALLBACK_LENGTH) throw badRequest(`callback must be at most ${MAX_CALLBACK_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(callback.trim());
  } catch {
    throw badRequest(`callback "${callback.slice(0, 100)}" is not an absolute URL; send e.g. https://listener.example.com/events`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badRequest(`callback must be an http or https URL, not ${url.protocol}`);
  }
  if (query !== undefined && query !== null && typeof query !== 'string') {
    throw badRequest('query must be text, e.g. "eventType=ProductOrderStateChangeEvent"');
  }
  if (typeof query === 'string' && query.length > MAX_QUERY_LENGTH)
    throw badRequest(`query must be at most ${MAX_QUERY_LENGTH} characters`);
  const text = typeof query === 'string' && query.trim() !== '' ? query.trim() : undefined;
  return { callback: callback.trim(), ...(text ? { query: text } : {}), filter: parseSubscriptionQuery(text) };
}
