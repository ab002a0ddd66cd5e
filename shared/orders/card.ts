/**
 * The card a rep types to have the payment authorised (issue 10 item 3): checked the same way on
 * the laptop, before anything is sent, and by the central system's simulated card authorisation,
 * which answers with a reference. The card number itself is never stored anywhere: the laptop
 * keeps only the reference and the last four digits (`cardReference`).
 */
import type { ValidationIssue } from './order.validation';

/** What the rep types; held in the form only. */
export interface CardEntry {
  number: string;
  /** "MM/YY" as printed on the card. */
  expiry: string;
  cvc: string;
}

/** The documented test card the simulated authorisation always declines (passes every check here). */
export const DECLINE_CARD = '4000000000000002';

/** The digits of a card number as typed with spaces or dashes; undefined when anything else is in it. */
export function cardDigits(number: string): string | undefined {
  const digits = number.replace(/[\s-]/g, '');
  return /^\d+$/.test(digits) ? digits : undefined;
}

/** The Luhn (mod 10) check every card number carries in its last digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'other';

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return 'other';
}

/** The last moment a card expiring "MM/YY" can be used: the end of that month (UTC). */
export function expiryEnd(expiry: string): Date | undefined {
  const match = /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec(expiry);
  if (!match) return undefined;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return undefined;
  return new Date(Date.UTC(2000 + Number(match[2]), month, 1) - 1);
}

/** Every problem with the card at once, each naming its field and what to fix; empty when it may be sent. */
export function cardIssues(card: CardEntry, now: Date): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const digits = cardDigits(card.number);
  if (!digits || digits.length < 12 || digits.length > 19) {
    issues.push({ field: 'cardNumber', message: 'Card number: enter the 12 to 19 digits on the card (spaces are fine)' });
  } else if (!luhnValid(digits)) {
    issues.push({
      field: 'cardNumber',
      message: 'Card number: a digit is wrong (the check digit does not match); type it again from the card',
    });
  }
  const end = expiryEnd(card.expiry);
  if (!end) issues.push({ field: 'cardExpiry', message: 'Expiry: enter the month and year as on the card, MM/YY' });
  else if (end.getTime() < now.getTime()) issues.push({ field: 'cardExpiry', message: 'Expiry: the card has expired; use another card' });
  const cvcLength = digits && cardBrand(digits) === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc.trim())) {
    issues.push({
      field: 'cardCvc',
      message: `Security code: enter the ${cvcLength} digits ${cvcLength === 4 ? 'on the front' : 'on the back'} of the card`,
    });
  }
  return issues;
}

/** What may be kept of a card: its brand and last four digits, never more. */
export function cardReference(digits: string): { brand: CardBrand; last4: string } {
  return { brand: cardBrand(digits), last4: digits.slice(-4) };
}
