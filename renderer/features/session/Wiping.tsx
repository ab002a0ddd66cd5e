interface Props {
  reason: string;
  /** Changes waiting to be sent when the wipe started. */
  pending: number;
}

/** While a remote wipe sends the rep's queue: what is happening, before the data is removed. */
export function Wiping({ reason, pending }: Props) {
  const work =
    pending === 0
      ? 'Checking that all your work has reached the central system'
      : `Sending your work (${pending} ${pending === 1 ? 'change' : 'changes'}) to the central system`;
  return (
    <main className="sign-in">
      <h1>Removing Outpost data from this laptop</h1>
      <p role="status">
        {work}; then this laptop&apos;s Outpost data will be wiped, as your administrator asked{reason ? ` (reason given: ${reason})` : ''}.
      </p>
      <p>Keep the laptop connected until this is done. Nothing new can be captured meanwhile.</p>
    </main>
  );
}
