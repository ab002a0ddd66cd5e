/**
 * What changed in each released version, newest first, as the About screen shows it. Add the new
 * version's entry with each release (the same text goes into the updates folder as
 * `release-notes-<version>.md`, which the update feed hands to the app before it installs).
 */
export interface ReleaseNote {
  version: string;
  notes: readonly string[];
}

export const RELEASE_NOTES: readonly ReleaseNote[] = [
  {
    version: '0.1.0',
    notes: [
      'Leads, opportunities, quotes and orders offline, synced with the central system when a connection is available.',
      'The Outbox lists every change waiting to sync, with Retry, Fix and Discard.',
      'Updates come from the central system and are installed when you choose, never with changes waiting to sync.',
    ],
  },
];
