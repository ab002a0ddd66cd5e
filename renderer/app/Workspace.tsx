import { SignOutButton } from '../features/session/SignOutButton';
import { useIdleLock } from '../features/session/useIdleLock';
import { InitialSyncProgress } from '../features/sync/InitialSyncProgress';
import { StatusBar } from '../features/sync/StatusBar';
import { NavigationProvider, useNavigation, type Route } from './navigation';
import { OutpostContext, useOutpost, type OutpostServices } from './OutpostContext';
import { Page } from './Pages';

const SECTIONS: { label: string; route: Route }[] = [
  { label: 'Leads', route: { page: 'leads' } },
  { label: 'Opportunities', route: { page: 'opportunities' } },
  { label: 'Quotes', route: { page: 'quotes' } },
  { label: 'Orders', route: { page: 'orders' } },
];

function Shell() {
  const { user, lock, app } = useOutpost();
  const { route, navigate } = useNavigation();
  useIdleLock(app.idleLockMinutes, () => void lock());
  return (
    <div className="workspace">
      <header className="app-header">
        <p className="brand">Outpost</p>
        <nav aria-label="Sections">
          {SECTIONS.map((section) => (
            <button
              key={section.label}
              type="button"
              aria-current={route.page.startsWith(section.route.page.slice(0, -1)) ? 'page' : undefined}
              onClick={() => navigate(section.route)}
            >
              {section.label}
            </button>
          ))}
        </nav>
        <p className="user">
          Signed in as {user.displayName}
          <SignOutButton />
        </p>
      </header>
      <InitialSyncProgress />
      <main className="page">
        <Page route={route} />
      </main>
      <StatusBar />
    </div>
  );
}

export function Workspace({ services }: { services: OutpostServices }) {
  return (
    <OutpostContext.Provider value={services}>
      <NavigationProvider>
        <Shell />
      </NavigationProvider>
    </OutpostContext.Provider>
  );
}
