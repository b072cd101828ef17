// Proxy variables read as curl reads them: `<scheme>_proxy` (lower case first, then upper),
// then ALL_PROXY; NO_PROXY as a list of hosts, each matching itself and its subdomains, `*`
// for all, IP addresses and CIDR ranges. proxy-from-env (proxy-agent's own reader) differs
// from curl where users notice: `example.com` there matches only itself, not its subdomains,
// and a proxy without a scheme gets the request's scheme (`https://127.0.0.1:7890` for Clash's
// plain-http port), where curl assumes http://.
import { BlockList, isIP } from 'node:net';

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string {
  return (env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '').trim();
}

/** The proxy for `url` from the variables, or null for a direct connection. */
export function proxyFromEnv(url: URL, env: Env): string | null {
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return null;
  // curl reads only lower-case http_proxy (a CGI server sets HTTP_PROXY from a request
  // header); we read both, as the issue asks and as most tools on Windows expect.
  const proxy = read(env, `${scheme}_proxy`) || read(env, 'all_proxy');
  if (!proxy) return null;
  if (bypassed(url.hostname, read(env, 'no_proxy'))) return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** True when NO_PROXY says `hostname` is reached directly. */
export function bypassed(hostname: string, noProxy: string): boolean {
  if (!noProxy) return false;
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  const family = isIP(host);
  for (const raw of noProxy.split(/[,\s]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    if (family !== 0) {
      if (matchesAddress(host, family, entry)) return true;
      continue;
    }
    // A port after a name is ignored, as curl does.
    entry = entry
      .replace(/:\d+$/, '')
      .replace(/^\*?\./, '')
      .replace(/\.$/, '');
    if (entry && (host === entry || host.endsWith(`.${entry}`))) return true;
  }
  return false;
}

function matchesAddress(host: string, family: number, entry: string): boolean {
  const [base, bits] = entry.replace(/^\[|\]$/g, '').split('/');
  const baseFamily = isIP(base ?? '');
  if (baseFamily === 0 || baseFamily !== family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) return sameAddress(host, base as string, type);
  const prefix = Number(bits);
  if (!Number.isInteger(prefix)) return false;
  const list = new BlockList();
  try {
    list.addSubnet(base as string, prefix, type);
  } catch {
    return false;
  }
  return list.check(host, type);
}

function sameAddress(a: string, b: string, type: 'ipv4' | 'ipv6'): boolean {
  const list = new BlockList();
  list.addAddress(b, type);
  return list.check(a, type);
}
