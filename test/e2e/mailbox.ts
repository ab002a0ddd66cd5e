import type { ReceivedMail } from '../../central/src/test/smtpServer';

/** Every email the central system has sent so far, as the loopback SMTP server of global.setup.ts received it. */
export async function receivedMail(): Promise<ReceivedMail[]> {
  const url = process.env.OUTPOST_E2E_MAILBOX_URL;
  if (!url) throw new Error('OUTPOST_E2E_MAILBOX_URL is not set: the e2e global setup starts the mailbox');
  return (await (await fetch(url)).json()) as ReceivedMail[];
}
