// Typed catalogs. The English catalog is the source of keys; every other catalog is checked
// against it with `satisfies Catalog<typeof en>`: a missing key, an extra key, or a message
// whose parameters differ is a type error.

/** A message: plain text, or a function of its parameters for text with values in it. */
export type Message = string | ((...args: never[]) => string);

export interface CatalogShape {
  readonly [key: string]: Message | CatalogShape;
}

/** Same keys as `T` (recursively for groups); strings stay strings, functions keep their parameters. */
export type Catalog<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : Catalog<T[K]>;
};

/** Identity, for typing the English catalog as a catalog without widening it away. */
export function defineCatalog<T extends CatalogShape>(catalog: T): T {
  return catalog;
}
