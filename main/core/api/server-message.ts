// Reads the server's own words out of any error body the gateway family sends: OpenAI-style
// `{"error":{message,type,code}}`, task-route `{code,message,data}`, or a proxy's text/HTML.

export interface ServerSays {
  message?: string;
  code?: string;
  type?: string;
  /** A field the body names explicitly (`param`, `field`). */
  field?: string;
  /** The body was an HTML page (a proxy or a website, not the API). */
  html: boolean;
}

const MAX_MESSAGE = 200;

export function readServerMessage(body: string): ServerSays {
  const text = body.trim();
  if (text === '') return { html: false };
  const json = tryParse(text);
  if (json !== undefined) return fromJson(json);
  if (/^<!doctype html|^<html|<\/(html|body|head|title|h1|center)>/i.test(text)) {
    return { message: htmlToText(text), html: true };
  }
  return { message: shorten(text.replace(/\s+/g, ' ')), html: false };
}

function fromJson(json: unknown): ServerSays {
  if (typeof json === 'string') return { message: shorten(json), html: false };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { html: false };
  const obj = json as Record<string, unknown>;
  const err = obj['error'];
  if (err !== null && typeof err === 'object' && !Array.isArray(err)) {
    const e = err as Record<string, unknown>;
    return {
      message: str(e['message']),
      code: str(e['code']),
      type: str(e['type']),
      field: str(e['param']) ?? str(e['field']),
      html: false,
    };
  }
  return {
    message: str(err) ?? str(obj['message']) ?? str(obj['msg']) ?? str(obj['detail']),
    code: str(obj['code']),
    type: str(obj['type']),
    field: str(obj['param']) ?? str(obj['field']),
    html: false,
  };
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : shorten(text.replace(/\s+/g, ' '));
}

function tryParse(text: string): unknown {
  if (!/^[[{"]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The page's title, or else its visible text, as one short line. */
export function htmlToText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const source =
    title !== undefined && title.trim() !== ''
      ? title
      : html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return shorten(decodeEntities(source).replace(/\s+/g, ' ').trim());
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function shorten(text: string, max = MAX_MESSAGE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
