/**
 * The customer's signature on a quote version, and what it freezes. A version is signed on the
 * laptop once it is approved (only then may it be put to the customer: the same check as
 * accepting it, so only its owner and only the latest version); from then on nothing it says
 * changes, and its status may only go on to accepted. One rule for both sides: the laptop's store
 * refuses such a write (renderer/data/signedQuoteGuard.ts) and the central system refuses such a
 * push (central/src/platform/sync/statusGate.ts).
 */
import { canSendQuote, type QuoteVersionFacts } from '../machines/quote.machine';
import type { Actor } from '../machines/send';
import type { QuoteDoc } from '../schemas';
import { SYNC_META_FIELDS } from '../schemas/common';
import { unsafeTextReason } from '../text/unsafeText';
import { agreementProblem } from './salesAgreement';

export type QuoteSignature = NonNullable<QuoteDoc['signature']>;
export type SignatureMethod = QuoteSignature['method'];

/** A drawn signature is a small PNG (a 600 × 200 canvas of strokes is some 10-30 kB). */
export const MAX_SIGNATURE_IMAGE_LENGTH = 300_000;
export const MAX_SIGNER_NAME_LENGTH = 120;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/** Statuses a signed version may be in: signed while approved, then accepted. */
const SIGNED_STATUSES: readonly string[] = ['approved', 'accepted'];
/** What may differ on a signed version: sync bookkeeping, and the acceptance the status change writes (its agreement: agreementChangeRefusal). */
const AFTER_SIGNING = new Set<string>([...SYNC_META_FIELDS, 'status', 'acceptedAt', 'agreement']);

export interface SignatureInput {
  signerName: string;
  method: SignatureMethod;
  /** PNG data URL of the drawn signature; none for a typed one. */
  image?: string;
}

/** What is wrong with a signature as the customer gave it, in words naming what to fix; null when it is fine. */
export function signatureProblem(input: SignatureInput): string | null {
  const name = input.signerName.trim();
  if (name === '') return "Type the signer's name";
  if (name.length > MAX_SIGNER_NAME_LENGTH) return `The signer's name is too long: keep it to ${MAX_SIGNER_NAME_LENGTH} characters`;
  const unsafe = unsafeTextReason(name);
  if (unsafe !== null) return `The signer's name ${unsafe}`;
  if (input.method === 'drawn') {
    if (input.image === undefined || input.image === '') return 'Draw the signature in the box, or sign by typing the name instead';
    if (input.image.length > MAX_SIGNATURE_IMAGE_LENGTH || !PNG_DATA_URL.test(input.image)) {
      return 'The drawn signature could not be read: clear it and draw it again';
    }
  } else if (input.image !== undefined) {
    return 'A typed signature has no drawing: clear the drawing or sign by drawing';
  }
  return null;
}

export function isSigned(quote: Pick<QuoteDoc, 'signature'>): boolean {
  return quote.signature !== undefined;
}

/** Why this actor may not have the customer sign this version now; null when they may. */
export function signRefusal(quote: QuoteDoc, actor: Actor, versions?: QuoteVersionFacts): string | null {
  if (isSigned(quote)) return `Version ${quote.version} is already signed by ${quote.signature?.signerName}`;
  // Signing puts the quote to the customer: allowed exactly where accepting it is.
  if (!canSendQuote(quote, { type: 'quote.accept' }, actor, versions)) {
    if (versions?.laterVersion !== undefined)
      return `Version ${quote.version} is superseded by version ${versions.laterVersion}: only the latest is signed`;
    if (quote.status !== 'approved') return `Only an approved quote is signed: this one is ${quote.status}`;
    return 'Only the rep who owns the quote has the customer sign it';
  }
  return null;
}

/** The version with the customer's signature, or an Error naming why not. */
export function signQuote(quote: QuoteDoc, input: SignatureInput, at: string, actor: Actor, versions?: QuoteVersionFacts): QuoteDoc {
  const refusal = signRefusal(quote, actor, versions) ?? signatureProblem(input);
  if (refusal !== null) throw new Error(refusal);
  const signature: QuoteSignature = {
    signerName: input.signerName.trim(),
    signedAt: at,
    method: input.method,
    ...(input.image === undefined ? {} : { image: input.image }),
  };
  return { ...quote, signature };
}

const label = (quote: QuoteDoc) => `Quote ${quote.id} version ${quote.version}`;

/**
 * The sales agreement comes with the acceptance, in the same write (or push), made from this very
 * version; once there it never changes, like the signed version it comes from.
 */
function agreementChangeRefusal(before: QuoteDoc | undefined, after: QuoteDoc | undefined): string | null {
  if (after === undefined) return null;
  if (before?.agreement !== undefined) {
    if (same(before.agreement, after.agreement)) return null;
    return `${label(before)} is accepted under sales agreement ${before.agreement.id}, so the agreement cannot change`;
  }
  if (after.agreement === undefined) return null;
  if (before?.status === 'accepted') return `${label(after)} was accepted without a sales agreement: one is made only with the acceptance`;
  return agreementProblem(after);
}

/** Deep equality that ignores key order (PostgreSQL's jsonb keeps keys in an order of its own) and absent keys. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const fields = (o: object) => Object.entries(o).filter(([, value]) => value !== undefined);
  const left = fields(a);
  const right = new Map(fields(b));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && same(value, right.get(key)));
}

/**
 * Why a write from `before` (undefined: a new quote) to `after` breaks a signature; null when it
 * does not. Signing itself is judged by signRefusal on the laptop and by the status replay on
 * the central system (it needs the approved status the signed version carries).
 */
export function signedQuoteChangeRefusal(before: QuoteDoc | undefined, after: QuoteDoc | undefined): string | null {
  const agreement = agreementChangeRefusal(before, after);
  if (agreement !== null) return agreement;
  if (before?.signature !== undefined) {
    const signer = before.signature.signerName;
    if (after === undefined) return `${label(before)} is signed by ${signer}, so it cannot be deleted`;
    if (!same(before.signature, after.signature)) return `${label(before)} is signed by ${signer}, so its signature cannot change`;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !AFTER_SIGNING.has(key) && !key.startsWith('_')));
    const changed = [...keys].filter((key) => !same(before[key as keyof QuoteDoc], after[key as keyof QuoteDoc])).sort();
    if (changed.length > 0) {
      return `${label(before)} is signed by ${signer}, so its ${changed.join(', ')} cannot change; revise it as a new version for the customer to sign`;
    }
  }
  if (after?.signature !== undefined && !SIGNED_STATUSES.includes(after.status)) {
    return `${label(after)} is signed by ${after.signature.signerName}, so it can only be accepted, not ${after.status}`;
  }
  return null;
}
