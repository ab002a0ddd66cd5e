import { LEAD_OPTIONS } from '../../../shared/leads/lead.form';
import type { LeadDoc } from '../../../shared/schemas';

/** "Yes" / "No" / "—" (not processed yet). */
export function qualifiedText(lead: Pick<LeadDoc, 'qualified'>): string {
  if (lead.qualified === undefined) return '—';
  return lead.qualified ? 'Yes' : 'No';
}

/** A processing result that may be absent, as table and detail text. */
export function orDash(value: string | undefined | null): string {
  return value ? value : '—';
}

/** "US" -> "United States"; an unknown code is shown as it is. */
export function countryName(code: string): string {
  return LEAD_OPTIONS.countries.find((c) => c.code === code)?.name ?? code;
}
