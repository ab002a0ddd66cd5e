/**
 * The simulated card authorisation (issue 10 item 3): what the laptop sends, what the central
 * system answers, and the rule that decides it. The central system runs `judgeCardAuthorisation`
 * and stores only an approved answer's reference; the card number and security code live in the
 * request alone.
 */
import { cardDigits, cardIssues, cardReference, DECLINE_CARD, type CardBrand } from './card';
import type { ValidationIssue } from './order.validation';

export const CARD_AUTHORISATION_PATH = '/payments/card-authorisations';

/**
 * The most one card authorisation may hold, in cents ($25,000.00): above it the simulated issuer
 * declines, as a real one would ask for another way to pay.
 */
export const CARD_AUTHORISATION_LIMIT = 2_500_000;

/** How long an approved authorisation holds the amount; an order ingested later must be authorised again. */
export const AUTHORISATION_VALID_DAYS = 7;

/** The request body. `amount` in cents (as the order's charges), `currency` ISO 4217. */
export interface CardAuthorisationRequest {
  orderId: string;
  cardNumber: string;
  /** "MM/YY". */
  cardExpiry: string;
  cardCvc: string;
  amount: number;
  currency: string;
}

export interface ApprovedAuthorisation {
  status: 'approved';
  id: string;
  orderId: string;
  brand: CardBrand;
  last4: string;
  amount: number;
  currency: string;
  /** ISO time after which the authorisation no longer covers an order. */
  expiresAt: string;
}

export interface DeclinedAuthorisation {
  status: 'declined';
  /** What happened and what to do, for the rep to read. */
  reason: string;
}

export type CardAuthorisationAnswer = ApprovedAuthorisation | DeclinedAuthorisation;

export type CardVerdict =
  | { kind: 'invalid'; issues: ValidationIssue[] }
  | { kind: 'declined'; reason: string }
  | { kind: 'approved'; brand: CardBrand; last4: string; expiresAt: Date };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The request's shape and card, every problem at once, each naming its field. A field of the
 * wrong type is reported as missing; nothing of the card is echoed back.
 */
export function requestIssues(body: unknown, now: Date): ValidationIssue[] {
  const input = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(text(input.orderId))) {
    issues.push({ field: 'orderId', message: 'Order id: send the id of the order the payment is for' });
  }
  issues.push(...cardIssues({ number: text(input.cardNumber), expiry: text(input.cardExpiry), cvc: text(input.cardCvc) }, now));
  const amount = input.amount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    issues.push({ field: 'amount', message: 'Amount: send the amount to authorise in cents, a whole number above 0' });
  }
  if (!/^[A-Z]{3}$/.test(text(input.currency))) {
    issues.push({ field: 'currency', message: 'Currency: send the ISO 4217 code of the order currency, such as USD' });
  }
  return issues;
}

export function formatCents(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** The simulated issuer's answer: the documented decline card and amounts above the limit are declined. */
export function judgeCardAuthorisation(body: unknown, now: Date): CardVerdict {
  const issues = requestIssues(body, now);
  if (issues.length > 0) return { kind: 'invalid', issues };
  const request = body as CardAuthorisationRequest;
  const digits = cardDigits(request.cardNumber) ?? '';
  if (digits === DECLINE_CARD) {
    return {
      kind: 'declined',
      reason: 'Declined: the card issuer declined this card; ask the customer for another card, or choose invoice',
    };
  }
  if (request.amount > CARD_AUTHORISATION_LIMIT) {
    const limit = formatCents(CARD_AUTHORISATION_LIMIT, request.currency);
    return {
      kind: 'declined',
      reason: `Declined: ${formatCents(request.amount, request.currency)} is above the ${limit} a card may be authorised for; choose invoice for this order`,
    };
  }
  return { kind: 'approved', ...cardReference(digits), expiresAt: new Date(now.getTime() + AUTHORISATION_VALID_DAYS * 86_400_000) };
}

const BRAND_NAMES: Record<CardBrand, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', other: 'Card' };

/** "Visa ending 4242", for status text. */
export function describeCard(brand: CardBrand, last4: string): string {
  return `${BRAND_NAMES[brand]} ending ${last4}`;
}
