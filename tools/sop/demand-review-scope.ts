// The review's scope as filters over the catalogue: which products and locations it covers, and
// the sales scope without dates (each section sets its own window).
import type { CatalogLocation, CatalogProduct, SalesScope, ToolContext } from '../tool-context';

export interface ScopeFilters {
  salesScope: SalesScope;
  products: CatalogProduct[];
  /** locations in scope; null = every location */
  locations: CatalogLocation[] | null;
  productBySku: ReadonlyMap<string, CatalogProduct>;
  includes(sku: string, location: string): boolean;
  describe(
    sku: string,
    location: string,
  ): {
    sku: string;
    location: string;
    category: string;
    region: string;
  };
  /** "whole company" or the filters in words, for reasons */
  label: string;
}

export function scopeFilters(context: ToolContext, scope: SalesScope): ScopeFilters {
  const salesScope: SalesScope = { ...scope };
  delete salesScope.from;
  delete salesScope.to;
  const catalogue = context.catalog.products();
  const productBySku = new Map(catalogue.map((product) => [product.sku, product]));
  const locationByCode = new Map(
    context.catalog.locations().map((location) => [location.code, location]),
  );
  const products = catalogue.filter(
    (product) =>
      (!scope.skus?.length || scope.skus.includes(product.sku)) &&
      (!scope.categories?.length || scope.categories.includes(product.category)),
  );
  const locationFiltered = Boolean(scope.locations?.length || scope.regions?.length);
  const locations = locationFiltered
    ? [...locationByCode.values()].filter(
        (location) =>
          (!scope.locations?.length || scope.locations.includes(location.code)) &&
          (!scope.regions?.length || scope.regions.includes(location.region)),
      )
    : null;
  const productSet = new Set(products.map((product) => product.sku));
  const locationSet =
    locations === null ? null : new Set(locations.map((location) => location.code));
  const parts = [
    scope.skus?.length ? `SKUs ${scope.skus.join(', ')}` : '',
    scope.categories?.length ? `categories ${scope.categories.join(', ')}` : '',
    scope.regions?.length ? `regions ${scope.regions.join(', ')}` : '',
    scope.locations?.length ? `locations ${scope.locations.join(', ')}` : '',
  ].filter((part) => part !== '');
  return {
    salesScope,
    products,
    locations,
    productBySku,
    includes: (sku, location) =>
      productSet.has(sku) &&
      locationByCode.has(location) &&
      (locationSet === null || locationSet.has(location)),
    describe: (sku, location) => ({
      sku,
      location,
      category: productBySku.get(sku)?.category ?? 'unknown',
      region: locationByCode.get(location)?.region ?? 'unknown',
    }),
    label: parts.length === 0 ? 'the whole company' : parts.join('; '),
  };
}
