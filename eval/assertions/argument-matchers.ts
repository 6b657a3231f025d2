// `tool-args` matchers: how one argument of a tool call must look. `sku` resolves the argument
// (a code or a product name) through tools/resolve.ts, exactly as the tool itself would.
import { isDeepStrictEqual } from 'node:util';
import { resolveProduct } from '../../tools/resolve';
import type { CatalogProduct } from '../../tools/tool-context';
import type { ArgumentMatcher } from '../suite-schema';

export interface MatcherVerdict {
  pass: boolean;
  /** what was wrong, naming the observed value; empty when it passed */
  problem: string;
}

const ok: MatcherVerdict = { pass: true, problem: '' };

function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** The value at a dotted path ("scope.product", "products.0"). */
export function argumentAt(args: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(args, name)) return args[name];
  let current: unknown = args;
  for (const key of name.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function skuOf(value: unknown, catalogue: readonly CatalogProduct[] | undefined): string {
  if (typeof value !== 'string') throw new Error(`is ${show(value)}, not a product code or name`);
  if (!catalogue) {
    // Without a catalogue only a code given as such can be checked.
    return value.trim().toUpperCase();
  }
  return resolveProduct(value, catalogue).sku;
}

export function matchArgument(
  name: string,
  value: unknown,
  matcher: ArgumentMatcher,
  catalogue: readonly CatalogProduct[] | undefined,
): MatcherVerdict {
  const fail = (expected: string): MatcherVerdict => ({
    pass: false,
    problem: `${name} is ${show(value)}, expected ${expected}`,
  });
  if ('absent' in matcher) return value === undefined ? ok : fail('no value');
  if (value === undefined) return fail(describe(matcher));
  if ('equals' in matcher)
    return isDeepStrictEqual(value, matcher.equals) ? ok : fail(JSON.stringify(matcher.equals));
  if ('oneOf' in matcher)
    return matcher.oneOf.some((option) => isDeepStrictEqual(value, option))
      ? ok
      : fail(describe(matcher));
  if ('range' in matcher) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number))
      return fail(`a number in ${describe(matcher)}`);
    const [low, high] = matcher.range;
    return (low === null || number >= low) && (high === null || number <= high)
      ? ok
      : fail(describe(matcher));
  }
  if ('regex' in matcher) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return new RegExp(matcher.regex).test(text) ? ok : fail(describe(matcher));
  }
  const wanted = matcher.sku.toUpperCase();
  try {
    const sku = skuOf(value, catalogue);
    return sku === wanted
      ? ok
      : fail(
          `the product ${matcher.sku} (it ${catalogue ? 'resolves to' : 'is'} ${sku}${catalogue ? '' : '; no catalogue was given to resolve names'})`,
        );
  } catch (error) {
    return fail(`the product ${matcher.sku} (it does not resolve: ${(error as Error).message})`);
  }
}

function describe(matcher: ArgumentMatcher): string {
  if ('absent' in matcher) return 'no value';
  if ('equals' in matcher) return JSON.stringify(matcher.equals);
  if ('oneOf' in matcher)
    return `one of ${matcher.oneOf.map((option) => JSON.stringify(option)).join(', ')}`;
  if ('range' in matcher) return `[${matcher.range[0] ?? '-inf'}, ${matcher.range[1] ?? 'inf'}]`;
  if ('regex' in matcher) return `to match /${matcher.regex}/`;
  return `the product ${matcher.sku}`;
}
