// What went wrong with a request to the Pika API (api/classify.ts, api/client.ts), and the
// proxy failures (http/proxy-error.ts) that reach people inside them. Subjects ("task X",
// "the generate request") are messages of their own, passed in as arguments.
import { defineCatalog } from '../../../i18n';

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms / 1000)} s`;
}

export const apiEn = defineCatalog({
  subjectTask: (id: string) => (id === '' ? 'task' : `task ${id}`),
  subjectGenerate: 'the generate request',
  subjectCredit: "the token's credit",
  /** A summary followed by the server's words (a `common.serverSaid`). */
  withServer: (summary: string, said: string) => `${summary} ${said}`,
  noToken: 'No Pika API token is set. Add your token, then try again.',
  invalidTaskId: 'That is not a valid task id (letters, digits, "-" and "_", 6 to 128 characters).',
  tokenRejected: 'The Pika API rejected your token (HTTP 401). Check or replace the token.',
  outOfQuota: (status: number) =>
    `Your Pika API account is out of quota (HTTP ${status}). Top it up, then try again.`,
  accessRefused: (status: number) =>
    `The Pika API refused access (HTTP ${status}): the account, this IP address or the model may not be allowed.`,
  rateLimited: 'Too many requests to the Pika API (HTTP 429). Wait a little before trying again.',
  rateLimitedWait: (ms: number) =>
    `Too many requests to the Pika API (HTTP 429). Wait ${Math.ceil(ms / 1000)} s before trying again.`,
  noGenerateRoute: 'The server has no /pika/generate route (HTTP 404). Check the API base URL.',
  unknownTask: (subject: string, status: number) =>
    `The server does not know ${subject} (HTTP ${status}). Check the task id.`,
  notFoundPage: (subject: string) =>
    `The server answered with a web page saying "not found" (HTTP 404) for ${subject}. Check the task id and the API base URL.`,
  serverProblem: (subject: string, status: number) =>
    `The Pika API had a problem answering ${subject} (HTTP ${status}). It usually passes; try again shortly.`,
  refused: (subject: string, status: number) => `The server refused ${subject} (HTTP ${status}).`,
  refusedField: (subject: string, status: number, field: string) =>
    `The server refused ${subject} (HTTP ${status}). It blames the field "${field}".`,
  redirected: (subject: string, status: number, host: string) =>
    `The server redirected ${subject} (HTTP ${status})${host === '' ? '' : ` to ${host}`}; the token is not sent to redirects. Check the API base URL.`,
  unexpected: (status: number, subject: string) =>
    `The server gave an unexpected answer (HTTP ${status}) to ${subject}.`,
  tooLarge: (megabytes: number) =>
    `The server's answer is larger than ${megabytes} MB, which no feed answer is. Check the API base URL.`,
  emptyAnswer: (subject: string) => `The server sent an empty answer to ${subject}.`,
  webPage: (subject: string) =>
    `The server sent a web page instead of the API's JSON answer to ${subject}. Check the API base URL.`,
  notJson: (subject: string) => `The server's answer to ${subject} is not valid JSON.`,
  noTaskId:
    'The generate answer holds no usable task id. The task may still have been created: check before generating again.',
  notATask: (issues: string) => `The feed answer is not a task (${issues}).`,
  linkNotTrusted: (where: string) =>
    `The feed answer's ${where} is not an http(s) link, so it was not trusted.`,
  /** A broken answer: how it began, not "the server said". */
  answerBegan: (summary: string, start: string) => `${summary} The answer began: ${start}`,
  /** After a generate request that got no answer. */
  mayBeCreated: (summary: string) =>
    `${summary} The task may still have been created: check before generating again.`,
  timedOut: (host: string, subject: string, ms: number) =>
    `${host} did not answer ${subject} within ${seconds(ms)} (timed out).`,
  /** A cause that is a whole sentence already (a proxy's failure). */
  couldNotGet: (subject: string, why: string) => `Could not get ${subject}: ${why}`,
  /** A cause that is part of a sentence (the reasons below). */
  couldNotGetBecause: (subject: string, reason: string) => `Could not get ${subject}: ${reason}.`,
  dnsFailed: (host: string) =>
    `could not find ${host} (DNS lookup failed); check the address and your connection`,
  connRefused: (host: string) => `${host} refused the connection`,
  resetMidAnswer: (host: string) =>
    `the connection to ${host} was reset in the middle of the answer`,
  reset: (host: string) => `the connection to ${host} was reset`,
  connTimedOut: (host: string) => `the connection to ${host} timed out`,
  unreachable: (host: string) => `${host} is unreachable from this network`,
  tlsFailed: (host: string, code: string) => `the secure connection to ${host} failed (${code})`,
  connFailed: (host: string, code: string) =>
    `the connection to ${host} failed${code === '' ? '' : ` (${code})`}`,
  proxyRefused: (proxy: string, code: string) =>
    `The proxy ${proxy} could not be reached${code === '' ? '' : ` (${code})`}: is it running, and is the address right?`,
  proxyAuth: (proxy: string) =>
    `The proxy ${proxy} asked for a user name and password (HTTP 407), or refused the ones given. Put them in the proxy address as http://user:password@host:port.`,
  proxyCannotReach: (proxy: string, target: string, status: number) =>
    `The proxy ${proxy} could not reach ${target}${status === 0 ? '' : ` (HTTP ${status})`}.`,
  proxyFailed: (proxy: string, target: string, detail: string) =>
    `The proxy ${proxy} failed to connect to ${target}${detail === '' ? '' : `: ${detail}`}.`,
});
