// Gateways we know by host, and where their users add credit. api.gpt.ge's console top-up
// page could not be confirmed from public documents, so its link is the site root, where
// the console's sign-in and wallet start. A gateway not listed gets no link at all rather
// than a guess.
const TOP_UP: Readonly<Record<string, string>> = {
  'api.gpt.ge': 'https://api.gpt.ge/',
};

/** The top-up page for a base URL's gateway, or null when the gateway is not known. */
export function topUpUrlFor(baseUrl: string): string | null {
  let host: string;
  try {
    host = new URL(baseUrl).host.toLowerCase();
  } catch {
    return null;
  }
  return Object.hasOwn(TOP_UP, host) ? TOP_UP[host]! : null;
}
