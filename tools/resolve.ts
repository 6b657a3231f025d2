// Products, categories and locations by code or name (ARCHITECTURE.md 3.4): accent- and
// case-insensitive, tolerant of one typo per word and of "500g" vs "500 g", so "quinua 500 g"
// finds "Quinoa blanca 500 g" when it is the only 500 g quinoa. A name that fits several things
// is an error listing them, so the model can ask the user which one is meant.
import type { CatalogLocation, CatalogProduct } from './tool-context';
import { ResolutionError, type NamedCandidate } from './tool-errors';

const unitSpellings: Record<string, string> = {
  gr: 'g',
  grs: 'g',
  gramos: 'g',
  kilo: 'kg',
  kilos: 'kg',
  kgs: 'kg',
  lt: 'l',
  lts: 'l',
  litro: 'l',
  litros: 'l',
  mls: 'ml',
  und: 'un',
  unid: 'un',
};

/** Lower case, accents removed, letters and digits split apart, punctuation as spaces. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/[^a-z0-9.]+/g, ' ')
    .split(' ')
    .map((token) => token.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean)
    .map((token) => unitSpellings[token] ?? token)
    .join(' ');
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let best = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      const value = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length] as number;
}

/** A query word fits a name word: equal, a prefix (3+ letters), or a typo away (5+ letters). */
function wordsMatch(queryWord: string, nameWord: string): boolean {
  if (queryWord === nameWord) return true;
  if (/\d/.test(queryWord) || /\d/.test(nameWord)) return false;
  if (queryWord.length >= 3 && nameWord.startsWith(queryWord)) return true;
  if (queryWord.length < 5) return false;
  return (
    editDistance(queryWord, nameWord, queryWord.length >= 8 ? 2 : 1) <=
    (queryWord.length >= 8 ? 2 : 1)
  );
}

interface Entry<T> {
  item: T;
  candidate: NamedCandidate;
  /** the words of the name, then of each alias */
  names: string[][];
}

interface Match<T> {
  entry: Entry<T>;
  /** every word of the name is covered by the query too */
  complete: boolean;
}

function matchWords<T>(queryWords: readonly string[], entry: Entry<T>): Match<T> | undefined {
  let found: Match<T> | undefined;
  for (const words of entry.names) {
    const covered = queryWords.every((word) => words.some((name) => wordsMatch(word, name)));
    if (!covered) continue;
    const complete = words.every((name) => queryWords.some((word) => wordsMatch(word, name)));
    if (complete) return { entry, complete };
    found = { entry, complete };
  }
  return found;
}

export interface ResolveOptions<T> {
  /** input field named in errors, e.g. 'product' */
  field: string;
  /** what the items are, e.g. 'product' */
  what: string;
  code(item: T): string;
  name(item: T): string;
  /** other names the item goes by (e.g. a category's Spanish name) */
  aliases?(item: T): readonly string[];
}

const maxListed = 10;

/**
 * The one item whose code equals the query (case-insensitive) or whose name matches it;
 * a ResolutionError when none or several do.
 */
export function resolveOne<T>(query: string, items: readonly T[], options: ResolveOptions<T>): T {
  const trimmed = query.trim();
  const byCode = items.filter((item) => options.code(item).toLowerCase() === trimmed.toLowerCase());
  if (byCode.length === 1) return byCode[0] as T;

  const entries: Entry<T>[] = items.map((item) => ({
    item,
    candidate: { code: options.code(item), name: options.name(item) },
    names: [options.name(item), ...(options.aliases?.(item) ?? [])].map((name) =>
      normaliseName(name).split(' ').filter(Boolean),
    ),
  }));
  const wanted = normaliseName(trimmed);
  const exact = entries.filter((entry) => entry.names.some((words) => words.join(' ') === wanted));
  if (exact.length === 1) return (exact[0] as Entry<T>).item;

  const queryWords = wanted.split(' ').filter(Boolean);
  const matches = queryWords.length
    ? entries.flatMap((entry) => matchWords(queryWords, entry) ?? [])
    : [];
  if (matches.length === 1) return (matches[0] as Match<T>).entry.item;
  const complete = matches.filter((match) => match.complete);
  if (complete.length === 1) return (complete[0] as Match<T>).entry.item;
  if (matches.length > 1) {
    const listed = (complete.length > 1 ? complete : matches).slice(0, maxListed);
    throw new ResolutionError(
      options.field,
      trimmed,
      'ambiguous',
      listed.map((match) => match.entry.candidate),
      options.what,
    );
  }
  throw new ResolutionError(
    options.field,
    trimmed,
    'unknown',
    closest(trimmed, queryWords, entries),
    options.what,
  );
}

/**
 * Up to five "did you mean" candidates: codes a couple of typos away, then names sharing the
 * most words of 3+ letters with the query (numbers and units alone suggest nothing).
 */
function closest<T>(
  query: string,
  queryWords: readonly string[],
  entries: readonly Entry<T>[],
): NamedCandidate[] {
  const code = query.toLowerCase();
  const byCode = entries
    .map((entry) => ({
      entry,
      distance: editDistance(code, entry.candidate.code.toLowerCase(), 2),
    }))
    .filter((scored) => scored.distance <= 2)
    .sort((left, right) => left.distance - right.distance)
    .map((scored) => scored.entry);
  const meaningful = queryWords.filter((word) => /^[a-z]{3,}$/.test(word));
  const byName = entries
    .map((entry) => ({
      entry,
      shared: Math.max(
        ...entry.names.map(
          (words) =>
            meaningful.filter((word) => words.some((name) => wordsMatch(word, name))).length,
        ),
      ),
    }))
    .filter((scored) => scored.shared > 0)
    .sort((left, right) => right.shared - left.shared)
    .map((scored) => scored.entry);
  return [...new Set([...byCode, ...byName])].slice(0, 5).map((entry) => entry.candidate);
}

/** Spanish names of common food categories, used when the store's category has the English key. */
const categoryAliases: Record<string, readonly string[]> = {
  dairy: ['lácteos', 'lacteos', 'leche y derivados'],
  grains: ['granos', 'cereales', 'abarrotes'],
  beverages: ['bebidas'],
  snacks: ['piqueos', 'bocaditos'],
  condiments: ['condimentos', 'salsas', 'aderezos'],
  canned_fish: ['conservas de pescado', 'conservas'],
  fresh_produce: ['frutas y verduras', 'frescos', 'verduras', 'frutas'],
};

export function resolveProduct(
  query: string,
  products: readonly CatalogProduct[],
  field = 'product',
): CatalogProduct {
  return resolveOne(query, products, {
    field,
    what: 'product',
    code: (product) => product.sku,
    name: (product) => product.name,
  });
}

export function resolveCategory(query: string, categories: readonly string[], field = 'category') {
  return resolveOne(query, categories, {
    field,
    what: 'category',
    code: (category) => category,
    name: (category) => category,
    aliases: (category) => categoryAliases[category] ?? [],
  });
}

export type LocationScope =
  | { kind: 'location'; location: CatalogLocation; codes: string[]; label: string }
  | { kind: 'region'; region: string; codes: string[]; label: string };

type Place = { kind: 'location'; location: CatalogLocation } | { kind: 'region'; region: string };

/**
 * A location (by code or name) or a whole region (by name). A region's exact name wins over
 * location names that contain it ("Lima" is the region, not "CD Lima Ate").
 */
export function resolveLocationScope(
  query: string,
  locations: readonly CatalogLocation[],
  field = 'location',
): LocationScope {
  const regions = [...new Set(locations.map((location) => location.region))].sort();
  const wanted = normaliseName(query);
  const region = regions.find((name) => normaliseName(name) === wanted);
  const places: Place[] = [
    ...locations.map((location) => ({ kind: 'location' as const, location })),
    ...regions.map((name) => ({ kind: 'region' as const, region: name })),
  ];
  const place: Place =
    region !== undefined &&
    !locations.some((location) => location.code.toLowerCase() === query.trim().toLowerCase())
      ? { kind: 'region', region }
      : resolveOne(query, places, {
          field,
          what: 'location or region',
          code: (item) => (item.kind === 'location' ? item.location.code : item.region),
          name: (item) => (item.kind === 'location' ? item.location.name : item.region),
        });
  if (place.kind === 'location') {
    const { location } = place;
    return {
      kind: 'location',
      location,
      codes: [location.code],
      label: `${location.name} (${location.code})`,
    };
  }
  return {
    kind: 'region',
    region: place.region,
    codes: locations
      .filter((location) => location.region === place.region)
      .map((location) => location.code),
    label: `region ${place.region}`,
  };
}
