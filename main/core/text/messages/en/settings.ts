// Settings: what the Settings view shows under a field whose value was refused.
import { defineCatalog } from '../../../i18n';

export const settingsEn = defineCatalog({
  pollFloorSec: 'Shortest poll interval (seconds)',
  pollCapSec: 'Longest poll interval (seconds)',
  stalledAfterMin: 'Stalled after (minutes)',
  pollMaxPerMin: 'Most requests per minute (0 for no cap)',
  /** A number field out of bounds; `label` is one of the labels above. */
  outOfRange: (label: string, min: number, max: number) =>
    `${label} must be between ${min} and ${max}.`,
  lowCredit: (max: number) => `The low-credit warning must be between $0 (off) and $${max}.`,
  folderNotAbsolute: 'The download folder must be a full (absolute) path.',
  folderEmpty: 'The download folder is empty.',
  folderDevice: 'The download folder cannot be a device path (\\\\?\\ or \\\\.\\).',
  folderShare:
    'The download folder cannot be a network share (\\\\host\\share): choose a local folder.',
  folderDriveRoot: 'The download folder cannot be the root of a drive: choose a folder on it.',
  folderRoot: 'The download folder cannot be the root of the file system: choose a folder.',
  folderChooseOnly: 'The download folder can only be changed with the Choose… button.',
  networkMode: 'Choose System proxy, No proxy or Manual.',
  proxyUrlMissing: 'Enter the proxy URL, for example http://127.0.0.1:7890.',
  proxyUrlInvalid: 'The proxy URL is not valid.',
  baseUrlInvalid: 'The API base URL is not valid.',
  baseUrlNotText: 'The API base URL must be text.',
  baseUrlEmpty: 'The API base URL is empty; the default is https://api.gpt.ge.',
  baseUrlNoScheme: (example: string) =>
    `The API base URL must start with https:// (for example https://${example}).`,
  baseUrlNotAddress: 'The API base URL is not a valid address.',
  baseUrlScheme: 'The API base URL must start with https://.',
  baseUrlPlainHttp:
    'The API base URL must use https:// (plain http:// is allowed only for localhost, 127.0.0.1 and [::1]), because your token is sent with every request.',
  baseUrlCredentials:
    'The API base URL must not contain a user name or password; the token is set separately.',
  baseUrlQuery: 'The API base URL must not contain "?" or "#".',
  /** Follows every proxy address problem. */
  proxySupported:
    'Use http://host:port, https://host:port or socks5://host:port (user:pass@ allowed).',
  proxyEmpty: (supported: string) => `The proxy address is empty. ${supported}`,
  proxyNotUrl: (shown: string, supported: string) =>
    `The proxy address "${shown}" is not a URL. ${supported}`,
  proxyScheme: (scheme: string, supported: string) =>
    `Proxies of type ${scheme}:// are not supported. ${supported} (socks5h, socks4 and socks4a work too.)`,
  proxyNoHost: (shown: string, supported: string) =>
    `The proxy address "${shown}" names no host. ${supported}`,
  proxyPath: (shown: string, supported: string) =>
    `The proxy address "${shown}" has a path; a proxy is only a host and port. ${supported}`,
  taskLayout: 'The task layout must be "list" or "grid".',
  language: 'The language must be "system", "en" or "zh-Hans".',
  capBelowFloor: 'The longest poll interval cannot be shorter than the shortest one.',
  loginItemFailed: (why: string) => `Launch at login could not be changed: ${why}`,
  loginItemStillOn: 'Launch at login is still on: turn it off in your system settings.',
  loginItemNotOn:
    'Launch at login was not turned on (the system may need your approval in its settings).',
});
