import type { Migration } from '../db/migrations';

/** Versions 650-699 (the second half of the auth range), owned by the devices module (see central/src/migrations.ts). */
export const DEVICE_MIGRATIONS: readonly Migration[] = [
  {
    version: 650,
    name: 'remote wipes of devices and users',
    statements: [
      // A wipe names a user (every device they connect from) or one device (whoever signs in on
      // it); withdrawn ones stay for the record.
      `CREATE TABLE device_wipes (
         id text PRIMARY KEY,
         user_id text REFERENCES users(id) ON DELETE CASCADE,
         device_id text,
         reason text NOT NULL,
         requested_by text NOT NULL REFERENCES users(id),
         requested_at timestamptz NOT NULL DEFAULT now(),
         withdrawn_at timestamptz,
         CHECK ((user_id IS NULL) <> (device_id IS NULL))
       )`,
      `CREATE INDEX device_wipes_user_idx ON device_wipes (user_id)`,
      `CREATE INDEX device_wipes_device_idx ON device_wipes (device_id)`,
      // One row per device that carried a wipe out: that device is not asked again for it.
      `CREATE TABLE device_wipe_completions (
         wipe_id text NOT NULL REFERENCES device_wipes(id) ON DELETE CASCADE,
         device_id text NOT NULL,
         user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         completed_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (wipe_id, device_id)
       )`,
    ],
  },
];
