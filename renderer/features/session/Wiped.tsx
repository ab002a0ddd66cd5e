interface Props {
  reason: string;
  /** Changes that could not be sent before the data was removed. */
  unsent: number;
  onSignInAgain(): void;
}

/** After a remote wipe: what happened, and what the rep can do now. */
export function Wiped({ reason, unsent, onSignInAgain }: Props) {
  return (
    <main className="sign-in">
      <h1>Outpost data removed from this laptop</h1>
      <p role="status">
        Your administrator removed this laptop&apos;s Outpost data{reason ? ` (reason given: ${reason})` : ''}. The local store, your
        session and your saved sign-in are gone from this laptop.
      </p>
      <p>
        {unsent === 0
          ? 'Everything you had captured was sent to the central system first, so none of your work was lost.'
          : `${unsent} ${unsent === 1 ? 'change' : 'changes'} could not be sent to the central system before the removal. Tell your administrator.`}
      </p>
      <p>
        What to do next: if you did not expect this, contact your administrator. If they allow this laptop again, sign in and Outpost
        downloads your data afresh.
      </p>
      <button type="button" onClick={onSignInAgain}>
        Sign in again
      </button>
    </main>
  );
}
