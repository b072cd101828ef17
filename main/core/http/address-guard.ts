// Keeps server data (a feed's video or poster URL) from making the app fetch from inside the
// user's machine or network: loopback, link-local (cloud metadata at 169.254.169.254),
// private and unique-local ranges. Checked on the address a name resolved to, at connect time
// (a `lookup` hook on the direct sockets), so a name that resolves inside, or changes its
// answer between a check and the connection, is caught too.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local machine
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, shared inside providers' networks
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  internal.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fe80::', 10],
  ['fc00::', 7],
] as const) {
  internal.addSubnet(net, bits, 'ipv6');
}

/** True for loopback, link-local, private and unique-local addresses (IPv4-mapped too). */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return internal.check(bare, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return internal.check(mapped[1] as string, 'ipv4');
  return internal.check(bare, 'ipv6');
}

/** True for a host that names this machine or an internal address literally. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isInternalAddress(host);
}

/** A media or poster host that resolves inside the user's network. */
export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `The server's link points at ${host}${host === address ? '' : ` (${address})`}, an address inside this computer or its network; Pika Tray does not fetch from there unless the gateway itself is local.`,
    );
    this.name = 'InternalAddressError';
  }
}

/** `dns.lookup` that fails with InternalAddressError when any answer is internal. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, answers) => {
    if (error) return callback(error, '', 0);
    const list = answers as unknown as LookupAddress[];
    const bad = list.find((a) => isInternalAddress(a.address));
    if (bad) return callback(new InternalAddressError(hostname, bad.address), '', 0);
    if ((options as LookupOptions).all) {
      (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, list);
      return;
    }
    const first = list[0];
    if (!first)
      // eslint-disable-next-line main-text/no-literal-error-text -- its code (ENOTFOUND) is worded by the API and download messages
      return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};
