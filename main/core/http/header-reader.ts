// Response headers as the API client and the downloaders read them. Not fetch's Headers: its
// first use loads all of undici, ~30 ms on every start of the app, which nothing else needs.
import type { IncomingHttpHeaders } from 'node:http';

/** A header's value by name in any case, repeated ones joined with ", " (as fetch does). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** Node's parsed headers (lower-case names; set-cookie an array) as a HeaderReader. */
export function headerReader(headers: IncomingHttpHeaders): HeaderReader {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
