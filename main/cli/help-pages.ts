// Every help page of `pika-tray`, in the language of the CLI's text, laid out in terminal
// columns. Option names, command names and example values are literal here; all words
// come from the catalog (i18n/help-en.ts, i18n/help-zh-Hans.ts).
import { DEFAULT_BASE_URL } from '../core/api/base-url';
import { ASPECT_PRESETS, DEFAULT_ASPECT, PIKAFFECTS } from '../core/generate/generate-options';
import type { CliText } from './i18n';
import { renderHelp, helpWidth, type HelpBlock, type HelpRow } from './help-layout';

type Codes = readonly (readonly [code: number, text: string])[];

function exitBlock(text: CliText, codes: Codes, long = false): HelpBlock {
  const h = text.t.help;
  const items = codes.map(([code, words]) => `${code} ${words}`);
  return {
    kind: 'text',
    text: h.exitCodes(items.join(long ? h.exitSeparatorLong : h.exitSeparator)),
  };
}

/** The options every command takes (--base-url, --token, --proxy, --help). */
export function sharedRows(text: CliText): HelpRow[] {
  const s = text.t.help.sharedRows;
  return [
    [s.baseUrlHead, s.baseUrl(DEFAULT_BASE_URL)],
    [s.tokenHead, s.token],
    [s.proxyHead, s.proxy],
    ['-h, --help', s.help],
  ];
}

function sharedBlock(text: CliText): HelpBlock {
  return { kind: 'rows', title: text.t.help.shared, rows: sharedRows(text) };
}

function page(blocks: HelpBlock[], width: number | undefined): string {
  return renderHelp(blocks, width ?? helpWidth());
}

export function mainHelp(
  text: CliText,
  commands: readonly (readonly [name: string, summary: string])[],
  width?: number,
): string {
  const h = text.t.help;
  return page(
    [
      { kind: 'text', text: h.usage(h.main.synopsis) },
      { kind: 'rows', title: h.commands, rows: commands, own: true },
      sharedBlock(text),
      { kind: 'text', text: h.main.more },
    ],
    width,
  );
}

export function getHelp(text: CliText, width?: number): string {
  const h = text.t.help;
  const g = h.get;
  return page(
    [
      { kind: 'text', text: h.usage(g.synopsis) },
      { kind: 'text', text: g.intro },
      {
        kind: 'rows',
        title: h.options,
        rows: [
          ['--json', g.json],
          [g.retriesHead, g.retries],
        ],
      },
      { kind: 'text', text: g.unknownNote },
      sharedBlock(text),
      exitBlock(text, [
        [0, g.exit0],
        [1, g.exit1],
        [2, h.exit.usage],
        [3, h.exit.auth],
      ]),
    ],
    width,
  );
}

export function creditHelp(text: CliText, width?: number): string {
  const h = text.t.help;
  const c = h.credit;
  return page(
    [
      { kind: 'text', text: h.usage(c.synopsis) },
      { kind: 'text', text: c.intro },
      { kind: 'rows', title: h.options, rows: [['--json', c.json]] },
      sharedBlock(text),
      exitBlock(text, [
        [0, c.exit0],
        [1, c.exit1],
        [2, h.exit.usage],
        [3, h.exit.auth],
      ]),
    ],
    width,
  );
}

export function generateHelp(text: CliText, width?: number): string {
  const h = text.t.help;
  const g = h.generate;
  const list = (items: readonly string[]) => items.join(h.separator);
  const ratios = ASPECT_PRESETS.map((r) => (r === DEFAULT_ASPECT ? g.aspectDefault(r) : r));
  return page(
    [
      { kind: 'text', text: h.usage(g.synopsis) },
      { kind: 'text', text: g.intro },
      {
        kind: 'rows',
        title: h.options,
        rows: [
          ['--model 1.5|2.0', g.model],
          [g.effectHead, g.effect(list(PIKAFFECTS))],
          [g.aspectHead, g.aspect(list(ratios))],
          ['--frame-rate N', g.frameRate],
          ['--motion N', g.motion],
          ['--guidance N', g.guidance],
          [g.negativeHead, g.negative],
          [g.imageHead, g.image],
          [g.extendHead, g.extend],
          ['--json', g.json],
          ['--watch', g.watch],
          [`  ${g.downloadDirHead}`, g.downloadDir],
          ['  --no-notify', g.noNotify],
          [`  ${g.intervalHead}`, g.interval],
          [`  ${g.watchTimeoutHead}`, g.watchTimeout],
          [g.timeoutHead, g.timeout],
        ],
      },
      sharedBlock(text),
      exitBlock(text, [
        [0, g.exit0],
        [1, g.exit1],
        [2, g.exit2],
        [3, h.exit.auth],
      ]),
    ],
    width,
  );
}

const WATCH_EVENTS = ['update', 'finished', 'downloaded', 'failed', 'stalled', 'timeout'];

export function watchHelp(text: CliText, width?: number): string {
  const h = text.t.help;
  const w = h.watch;
  return page(
    [
      { kind: 'text', text: h.usage(w.synopsis) },
      { kind: 'text', text: w.intro },
      {
        kind: 'rows',
        title: h.options,
        rows: [
          [w.downloadDirHead, w.downloadDir],
          ['--json', w.json(WATCH_EVENTS.map((e) => `"${e}"`).join(h.separator))],
          ['--no-notify', w.noNotify],
          [w.timeoutHead, w.timeout],
          [w.intervalHead, w.interval],
          [w.maxIntervalHead, w.maxInterval],
          [w.stalledAfterHead, w.stalledAfter],
          [w.maxRateHead, w.maxRate],
        ],
      },
      sharedBlock(text),
      exitBlock(
        text,
        [
          [0, w.exit0],
          [1, w.exit1],
          [2, w.exit2],
          [3, w.exit3],
          [130, w.exit130],
        ],
        true,
      ),
    ],
    width,
  );
}
