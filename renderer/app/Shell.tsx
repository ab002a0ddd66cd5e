import { Link, Outlet } from '@tanstack/react-router';
import { useRef } from 'react';
import { SignOutButton } from '../features/session/SignOutButton';
import { useIdleLock } from '../features/session/useIdleLock';
import { InitialSyncProgress } from '../features/sync/InitialSyncProgress';
import { StatusBar } from '../features/sync/StatusBar';
import { HistoryButtons } from './HistoryButtons';
import { useOutpost } from './OutpostContext';
import { routePath, sectionsFor } from './routes';
import { useScreenFocus } from './useScreenFocus';

/** The app chrome around every screen: history buttons, sections, the user, sync status. */
export function Shell() {
  const { user, lock, app } = useOutpost();
  useIdleLock(app.idleLockMinutes, () => void lock());
  const main = useRef<HTMLElement>(null);
  const announcement = useScreenFocus(main);
  return (
    <div className="workspace">
      <header className="app-header">
        <p className="brand">Outpost</p>
        <HistoryButtons />
        <nav aria-label="Sections">
          {sectionsFor(user.role).map((section) => (
            // The router marks the link of the current section (its list or one of its records) aria-current="page".
            <Link key={section.label} to={routePath(section.route)}>
              {section.label}
            </Link>
          ))}
        </nav>
        <p className="user">
          Signed in as {user.displayName}
          <SignOutButton />
        </p>
      </header>
      <InitialSyncProgress />
      <main className="page" ref={main}>
        <Outlet />
      </main>
      <div className="visually-hidden" role="status" aria-label="Current screen" aria-atomic="true">
        {announcement}
      </div>
      <StatusBar />
    </div>
  );
}
