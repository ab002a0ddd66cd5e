import { RouteLink, useNavigation } from '../../app/navigation';
import { HOME, sectionOf, SECTIONS } from '../../app/routes';

/** Shown when a record a route names is not in the local store, or when the URL names no screen. */
export function NotFound({ what }: { what: string }) {
  const { route } = useNavigation();
  // The way back: the list the record would be in, or the home list for an address that is no screen.
  const section = sectionOf(route ?? HOME) ?? SECTIONS[0];
  return (
    <div className="screen">
      <h1>{what} not found</h1>
      <p>
        {route
          ? 'This record is not on this laptop. It may have been removed, or it has not synced yet.'
          : 'Outpost has no screen at this address.'}
      </p>
      <p>
        <RouteLink route={section.route} className="button">
          Back to {section.label}
        </RouteLink>
      </p>
    </div>
  );
}
