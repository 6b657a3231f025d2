// The S&OP summary's scope (categories, regions, locations by code or name) resolved against the
// catalogue: an unknown or ambiguous name is a ResolutionError listing the candidates.
import { resolveCategory, resolveLocationScope, resolveOne } from '../resolve';
import type { SalesScope, ToolContext } from '../tool-context';
import type { SopScope } from './sop-facts';

export interface ResolvedSopScope {
  /** the scope with every name replaced by its code (categories, regions, location codes) */
  scope: SopScope;
  /** the sales filter the section builders read */
  salesScope: SalesScope;
  /** "dairy · region Lima" or "whole company" */
  label: string;
  /** names of the locations in scope, by code */
  locationNames: Record<string, string>;
}

const unique = (values: readonly string[]) => [...new Set(values)];

export function resolveSopScope(context: ToolContext, requested: SopScope): ResolvedSopScope {
  const products = context.catalog.products();
  const locations = context.catalog.locations();
  const categoryNames = unique(products.map((product) => product.category)).sort();
  const regionNames = unique(locations.map((location) => location.region)).sort();

  const categories = unique(
    (requested.categories ?? []).map((query) => resolveCategory(query, categoryNames, 'category')),
  );
  const regions: string[] = (requested.regions ?? []).map((query) =>
    resolveOne(query, regionNames, {
      field: 'region',
      what: 'region',
      code: (region) => region,
      name: (region) => region,
    }),
  );
  const locationCodes: string[] = [];
  for (const query of requested.locations ?? []) {
    const place = resolveLocationScope(query, locations, 'location');
    if (place.kind === 'region') regions.push(place.region);
    else locationCodes.push(place.location.code);
  }
  const scope: SopScope = {
    ...(categories.length > 0 && { categories }),
    ...(regions.length > 0 && { regions: unique(regions) }),
    ...(locationCodes.length > 0 && { locations: unique(locationCodes) }),
  };
  const salesScope: SalesScope = {
    ...(scope.categories && { categories: scope.categories }),
    ...(scope.regions && { regions: scope.regions }),
    ...(scope.locations && { locations: scope.locations }),
  };
  const inScope = locations.filter(
    (location) =>
      (!scope.regions || scope.regions.includes(location.region)) &&
      (!scope.locations || scope.locations.includes(location.code)),
  );
  const label = [
    ...(scope.categories ?? []),
    ...(scope.regions ?? []).map((region) => `region ${region}`),
    ...(scope.locations ?? []).map(
      (code) => locations.find((location) => location.code === code)?.name ?? code,
    ),
  ].join(' · ');
  return {
    scope,
    salesScope,
    label: label || 'whole company',
    locationNames: Object.fromEntries(inScope.map((location) => [location.code, location.name])),
  };
}
