// The bodies the gateway family really sends, by shape (see pika-api.md, "Errors").
import { STATUS_CODES } from 'node:http';

export function openAiError(message: string, type: string, code: string, param?: string): string {
  return JSON.stringify({
    error: { message, type, code, ...(param === undefined ? {} : { param }) },
  });
}

export function taskRouteError(code: string, message: string): string {
  return JSON.stringify({ code, message, data: null });
}

export const TASK_NOT_EXIST = taskRouteError('task_not_exist', 'task_not_exist');

export function serverErrorBody(
  status: number,
  shape: 'json' | 'text',
): { body: string; type: string } {
  const message =
    status === 503
      ? 'no available channel for model pika under group default (distributor)'
      : status === 504 || status === 524
        ? 'upstream timed out'
        : 'upstream error: do request failed';
  if (shape === 'text')
    return { body: `${status} ${message}\n`, type: 'text/plain; charset=utf-8' };
  return {
    body: openAiError(message, 'new_api_error', 'upstream_error'),
    type: 'application/json',
  };
}

/** What nginx or Cloudflare in front of a gateway answer with. */
export function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return [
    '<html>',
    `<head><title>${title}</title><style>body{font-family:sans-serif}</style></head>`,
    '<body>',
    `<center><h1>${title}</h1></center>`,
    '<hr><center>nginx</center>',
    '<script>console.log("cdn-cgi")</script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Fields some gateways add (pika-api.md): a client must ignore them. */
export function extraTaskFields(): Record<string, unknown> {
  return {
    message: 'success',
    artifact: null,
    created_at: new Date().toISOString(),
    last_frame: '',
    thumbnail: '',
    video_raw: '',
    code: 'success',
  };
}

export function extraVideoFields(): Record<string, unknown> {
  return {
    created_at: Math.floor(Date.now() / 1000),
    artifact: { kind: 'video', bytes: null },
    last_frame: '',
    thumbnail: '',
    video_raw: { width: 1280, height: 720 },
    message: '',
  };
}
