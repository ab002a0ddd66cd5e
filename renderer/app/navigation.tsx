import { Link, useRouter, useRouterState } from '@tanstack/react-router';
import { useCallback, type ReactNode } from 'react';
import { routeOfMatches, routePath, type Route } from './routes';

export type { Route } from './routes';

export interface Navigation {
  /** The screen the URL names; null when it names none ("Page not found"). */
  route: Route | null;
  /** Opens a screen as a new history entry (Back returns here); `replace` overwrites the current one. */
  navigate(route: Route, options?: { replace?: boolean }): void;
}

/**
 * `navigate` alone, for components that do not show the route: unlike `useNavigation` it does not
 * subscribe to the router's state, so they do not render again on every navigation.
 */
export function useNavigate(): Navigation['navigate'] {
  const router = useRouter();
  return useCallback(
    (next: Route, options?: { replace?: boolean }) => {
      void router.navigate({ to: routePath(next), replace: options?.replace });
    },
    [router],
  );
}

/** Screens navigate through this, by Route, never by URL string: the router owns the URL. */
export function useNavigation(): Navigation {
  // Structural sharing keeps the same object while the screen stays, so `route` is stable between renders.
  const route = useRouterState({ select: (s): Route | null => routeOfMatches(s.matches), structuralSharing: true });
  return { route, navigate: useNavigate() };
}

/**
 * A link to a screen: a real `href` (`#/quotes/<id>`), opened in the app by the router. It is
 * `aria-current="page"` only on that very screen (the section links in the chrome match wider).
 */
export function RouteLink({ route, className, children }: { route: Route; className?: string; children: ReactNode }) {
  return (
    <Link to={routePath(route)} className={className} activeOptions={{ exact: true }}>
      {children}
    </Link>
  );
}
