/** TMF648 Quote Management: every Quote route's success and error answers against the v4 swagger. */
import { randomUUID } from 'node:crypto';
import { newQuote } from '../../test/salesFixtures';
import { call, conforms, type Session } from '../session';
import type { CaseTable } from './types';

const QUOTE = '/tmf-api/quoteManagement/v4/quote';

/** A quote alex configured on the laptop, pushed by sync as the app does; returns its id. */
async function pushQuote(session: Session, status: 'inProgress' | 'approved' | 'accepted' = 'inProgress'): Promise<string> {
  const quote = newQuote('user-alex', { status, ...(status === 'accepted' ? { acceptedAt: '2026-11-22T15:00:00.000Z' } : {}) });
  const answer = await call(session, 'POST', '/sync/quotes/push', { who: 'alex', body: [{ newDocumentState: quote }] });
  if (answer.status !== 200 || JSON.stringify(answer.body) !== '[]')
    throw new Error(`quote push failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return quote.id;
}

export const QUOTE_CASES: CaseTable = {
  [`GET ${QUOTE}`]: async ({ session, template }) => {
    await pushQuote(session);
    await pushQuote(session, 'accepted');
    const list = conforms<unknown[]>(await call(session, 'GET', `${QUOTE}?limit=5`), template, 200);
    if (list.length === 0) throw new Error('expected quotes in the list');
    conforms(await call(session, 'GET', `${QUOTE}?state=accepted&offset=0&limit=2`), template, 200);
    conforms(await call(session, 'GET', `${QUOTE}?fields=state,version`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', QUOTE, { who: 'sam' }), template, 200);
    conforms(await call(session, 'GET', `${QUOTE}?offset=x`), template, 400);
  },

  [`GET ${QUOTE}/:id`]: async ({ session, template }) => {
    const id = await pushQuote(session, 'approved');
    conforms(await call(session, 'GET', `${QUOTE}/${id}`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${QUOTE}/${id}`, { who: 'morgan' }), template, 200);
    conforms(await call(session, 'GET', `${QUOTE}/${id}?fields=state`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${QUOTE}/${id}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'GET', `${QUOTE}/${randomUUID()}`), template, 404);
  },
};
