import { useState } from 'react';
import { answerProblem } from '../../../shared/machines/order.machine';
import type { OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { saveDocument } from '../../data/writes';
import { actorOf } from '../session/actor';
import { answerInformation, canSend } from './orderChanges';
import { ErrorNotice } from '../common/ErrorNotice';

/**
 * A pending order waits for information (the central system's stateReason says which line and
 * what). The rep answers here, offline too: the order goes back in progress through the order
 * machine, the push carries the answer, and the central system adds it to the ProductOrder as a
 * TMF622 note and resumes fulfilment.
 */
export function OrderInformationAnswer({ order }: { order: OrderDoc }) {
  const { db, user } = useOutpost();
  const actor = actorOf(user);
  const [answer, setAnswer] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canSend(order, { type: 'order.answer', answer: 'probe' }, actor)) return null;
  const problem = tried ? answerProblem(answer) : undefined;

  async function send() {
    setTried(true);
    if (answerProblem(answer)) {
      document.getElementById('order-information-answer')?.focus();
      return;
    }
    setError(null);
    try {
      await saveDocument(db, 'orders', answerInformation(order, answer, actor, new Date().toISOString()));
    } catch (e) {
      setError(`Could not send the answer: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section className="section" aria-labelledby="order-information-heading">
      <h2 id="order-information-heading">Answer the information request</h2>
      <div className={problem ? 'field field--invalid' : 'field'}>
        <label className="field-label" htmlFor="order-information-answer">
          Information for the order desk
        </label>
        <textarea
          id="order-information-answer"
          className="field-input"
          value={answer}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'order-information-answer-error' : undefined}
          onChange={(e) => setAnswer(e.target.value)}
        />
        {problem ? (
          <span id="order-information-answer-error" className="field-error">
            {problem}
          </span>
        ) : null}
      </div>
      <div className="screen-actions">
        <button type="button" className="button button--primary" onClick={() => void send()}>
          Send answer
        </button>
      </div>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </section>
  );
}
