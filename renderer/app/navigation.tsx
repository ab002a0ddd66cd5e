import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** Every screen of the app; the workspace renders one at a time. */
export type Route =
  | { page: 'leads' }
  | { page: 'newLead' }
  | { page: 'lead'; id: string }
  | { page: 'opportunities' }
  | { page: 'opportunity'; id: string }
  | { page: 'quotes' }
  | { page: 'quote'; id: string }
  | { page: 'orders' }
  | { page: 'order'; id: string }
  | { page: 'outbox' };

interface Navigation {
  route: Route;
  navigate(route: Route): void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children, initial = { page: 'leads' } }: { children: ReactNode; initial?: Route }) {
  const [route, setRoute] = useState<Route>(initial);
  const navigate = useCallback((next: Route) => {
    setRoute(next);
    window.scrollTo?.(0, 0);
  }, []);
  return <NavigationContext.Provider value={{ route, navigate }}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation() used outside NavigationProvider');
  return navigation;
}
