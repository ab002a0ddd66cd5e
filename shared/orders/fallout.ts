/**
 * Fall-out with a next step (issue 10 item 6): which line of an order fell out, why, and what the
 * rep can do about it. The central system's fulfillment writes the reason with `falloutReason`
 * (the stateReason of the order, which the rep's order document mirrors) and the app reads it
 * back with `parseFallout`: one format, defined once, on both sides.
 */
export const FALLOUT_KINDS = ['held', 'pending', 'failed', 'partial'] as const;
export type FalloutKind = (typeof FALLOUT_KINDS)[number];

const LABEL: Readonly<Record<Exclude<FalloutKind, 'partial'>, string>> = {
  held: 'Held',
  pending: 'Information required',
  failed: 'Failed',
};

export interface FalloutLine {
  /** TMF622 line number, "01", "02"... */
  id: string;
  name: string;
}

/** "Held on line 01 (Business Fibre Internet): the site survey found no free duct capacity". */
export function falloutReason(kind: Exclude<FalloutKind, 'partial'>, line: FalloutLine, why: string): string {
  return `${LABEL[kind]} on line ${line.id} (${line.name}): ${why}`;
}

/** "Partially completed: line 01 (…) delivered; line 02 (…) failed: why". */
export function partialReason(outcomes: readonly { line: FalloutLine; delivered: boolean }[], why: string): string {
  const parts = outcomes.map(({ line, delivered }) => `line ${line.id} (${line.name}) ${delivered ? 'delivered' : 'failed'}`);
  return `Partially completed: ${parts.join('; ')}: ${why}`;
}

export interface Fallout {
  kind: FalloutKind;
  /** The lines that fell out (for partial: every failed line). */
  lineIds: string[];
  /** For partial: the lines that were delivered. */
  deliveredLineIds: string[];
  why: string;
}

// Lazy up to the outcome that ends a part, so a name with brackets of its own ("Business Voice
// (SIP trunk)", as the catalog has) is read whole.
const LINE = /line (\d{2,}) \((.*?)\) (delivered|failed)(?=; line \d{2,} \(|: |$)/g;

/** The fall-out a stateReason written by `falloutReason` / `partialReason` describes; undefined for any other text. */
export function parseFallout(reason: string | undefined): Fallout | undefined {
  if (!reason) return undefined;
  for (const kind of ['held', 'pending', 'failed'] as const) {
    const prefix = `${LABEL[kind]} on line `;
    if (!reason.startsWith(prefix)) continue;
    const match = /^(\d{2,}) \((.*?)\): (.*)$/s.exec(reason.slice(prefix.length));
    if (!match?.[1] || match[3] === undefined) return undefined;
    return { kind, lineIds: [match[1]], deliveredLineIds: [], why: match[3] };
  }
  if (!reason.startsWith('Partially completed: line ')) return undefined;
  const lines = [...reason.matchAll(LINE)];
  const last = lines.at(-1);
  if (!last) return undefined;
  const why = reason.slice((last.index ?? 0) + last[0].length).replace(/^: /, '');
  return {
    kind: 'partial',
    lineIds: lines.filter((m) => m[3] === 'failed').map((m) => m[1] ?? ''),
    deliveredLineIds: lines.filter((m) => m[3] === 'delivered').map((m) => m[1] ?? ''),
    why,
  };
}

export type NextStepKind = 'answerInformation' | 'acceptPartial' | 'supplementalOrder' | 'waitForOperations' | 'newOrder';

export interface NextStep {
  kind: NextStepKind;
  text: string;
}

/**
 * What the rep can do about an order in this status: nothing listed for an order that needs
 * nothing. `partialAccepted`: the rep accepted the partial delivery, which leaves the supplemental order.
 */
export function nextSteps(status: string, fallout: Fallout | undefined, partialAccepted = false): NextStep[] {
  switch (status) {
    case 'pending':
      return [
        { kind: 'answerInformation', text: 'Answer the information request; the answer goes to the central system and the order resumes' },
        { kind: 'supplementalOrder', text: 'Or revise the order with a supplemental order' },
      ];
    case 'held':
      return [
        { kind: 'waitForOperations', text: 'The order desk is solving the issue; the order resumes by itself once it is solved' },
        { kind: 'supplementalOrder', text: 'Or revise the order with a supplemental order if the customer wants something else' },
      ];
    case 'partial': {
      const supplement: NextStep = { kind: 'supplementalOrder', text: 'Start a supplemental order for the lines that failed' };
      if (partialAccepted) return [supplement];
      const delivered = fallout && fallout.deliveredLineIds.length === 1 ? 'line stays' : 'lines stay';
      return [{ kind: 'acceptPartial', text: `Accept the partial delivery: the delivered ${delivered} installed` }, supplement];
    }
    case 'failed':
      return [{ kind: 'newOrder', text: 'Nothing was delivered; capture a new order once the cause is solved' }];
    default:
      return [];
  }
}
