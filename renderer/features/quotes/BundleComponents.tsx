import { includedComponents, optionalComponents } from '../../../shared/catalog/configRules';
import type { OfferingDoc } from '../../../shared/schemas';

/**
 * What a bundle line includes (its required components, part of its price) and the optional
 * components the rep can add beside it as lines of their own, each with an "Add" button.
 */
export function BundleComponents({
  bundle,
  name,
  catalog,
  onAdd,
}: {
  bundle: OfferingDoc;
  name: string;
  catalog: readonly OfferingDoc[];
  onAdd(offering: OfferingDoc): void;
}) {
  const included = includedComponents(bundle);
  const optional = optionalComponents(bundle).flatMap((component) => {
    const offering = catalog.find((o) => o.id === component.offeringId && o.lifecycleStatus === 'Launched');
    return offering ? [{ component, offering }] : [];
  });
  if (included.length === 0 && optional.length === 0) return null;
  return (
    <div className="bundle-components">
      {included.length > 0 ? <p>Includes: {included.map((c) => c.name).join(', ')}</p> : null}
      {optional.length > 0 ? (
        <div className="screen-actions">
          <span>Options:</span>
          {optional.map(({ component, offering }) => (
            <button key={component.offeringId} type="button" className="button" onClick={() => onAdd(offering)}>
              Add {component.name} with {name}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
