import type { ReactNode } from 'react';

/** A failure the rep must read: announced at once (an alert) and shown as an error, in words. */
export function ErrorNotice({ children }: { children: ReactNode }) {
  return (
    <p className="notice notice--error" role="alert">
      {children}
    </p>
  );
}
