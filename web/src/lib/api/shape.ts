// Tiny runtime shape checks (a few hundred bytes instead of a schema library in the first load):
// each is a type guard, composed like a schema, so a server answer or a tool result is checked at
// the boundary and the rest of the code works on its type.

export type Guard<T> = (value: unknown) => value is T;
export type Guarded<G> = G extends Guard<infer T> ? T : never;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const str: Guard<string> = (value): value is string => typeof value === 'string';
export const num: Guard<number> = (value): value is number =>
  typeof value === 'number' && Number.isFinite(value);
export const bool: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isoDay: Guard<string> = (value): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function literal<const T extends readonly string[]>(...values: T): Guard<T[number]> {
  return (value): value is T[number] => typeof value === 'string' && values.includes(value);
}

export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || guard(value);
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value): value is T | undefined => value === undefined || guard(value);
}

export function arrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every((item) => guard(item));
}

export function recordOf<T>(guard: Guard<T>): Guard<Record<string, T>> {
  return (value): value is Record<string, T> =>
    isRecord(value) && Object.values(value).every((item) => guard(item));
}

type Shape = Record<string, Guard<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: undefined extends Guarded<S[K]> ? K : never;
}[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The object type of a shape: fields whose guard allows undefined are optional. */
type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Guarded<S[K]> } & {
    [K in OptionalKeys<S>]?: Guarded<S[K]>;
  }
>;

/** An object with at least these fields (others are allowed and ignored). */
export function object<S extends Shape>(shape: S): Guard<ObjectOf<S>> {
  const entries = Object.entries(shape);
  return (value): value is ObjectOf<S> =>
    isRecord(value) && entries.every(([key, guard]) => guard(value[key]));
}
