import { describe, expect, it } from 'vitest';
import { isValidTaskId, MAX_JSON_DEPTH, parseTaskInput } from './parse-input';

const A = 'c8091b7b-06df-48ed-8fe3-8ee8f1e367c2';
const B = '0f2e6a51-3c44-4b7e-9a0e-5b1d2c3e4f50';
const C = 'task_ABC-123';

describe('isValidTaskId', () => {
  it('accepts UUIDs and other plain ids of 6-128 letters, digits, - and _', () => {
    expect(isValidTaskId(A)).toBe(true);
    expect(isValidTaskId(C)).toBe(true);
    expect(isValidTaskId('a'.repeat(128))).toBe(true);
  });
  it('refuses anything that could change a URL path or is not an id', () => {
    for (const bad of [
      '',
      'abc',
      'a'.repeat(129),
      '../etc',
      'abc%2fdef',
      'abcdef?x',
      'abcdef#x',
      'abc def',
      'abc.def',
      'ab/cdef',
      42,
      null,
    ]) {
      expect(isValidTaskId(bad), String(bad)).toBe(false);
    }
  });
  it('refuses a word shaped like an API key', () => {
    expect(isValidTaskId('sk-' + 'a1B2'.repeat(12))).toBe(false);
  });
});

describe('parseTaskInput', () => {
  it('reads bare ids separated by whitespace, commas, semicolons and newlines, in order', () => {
    const r = parseTaskInput(` ${A},${B}\n\t${C} ;  `);
    expect(r).toEqual({ ids: [A, B, C], duplicates: [], errors: [] });
  });

  it('collapses duplicates keeping the first position, and reports them', () => {
    const r = parseTaskInput(`${B} ${A} ${B} https://api.gpt.ge/pika/feed/${A}`);
    expect(r.ids).toEqual([B, A]);
    expect(r.duplicates).toEqual([B, A]);
    expect(r.errors).toEqual([]);
  });

  it('reads feed URLs on any host, with query, fragment or trailing slash', () => {
    const r = parseTaskInput(
      [
        `https://api.gpt.ge/pika/feed/${A}`,
        `http://127.0.0.1:8787/pika/feed/${B}/`,
        `https://other.gateway.io/v1/pika/feed/${C}?x=1#top`,
      ].join('\n'),
    );
    expect(r).toEqual({ ids: [A, B, C], duplicates: [], errors: [] });
  });

  it('reads pika-tray:// deep links and strips quotes, brackets and sentence punctuation', () => {
    const r = parseTaskInput(
      `pika-tray://task/${A} "${B}", (<https://api.gpt.ge/pika/feed/${C}>).`,
    );
    expect(r.ids).toEqual([A, B, C]);
    expect(r.errors).toEqual([]);
  });

  it('reads a pasted feed JSON answer, ignoring its video ids and extra fields', () => {
    const answer = {
      id: A,
      promptText: 'Apple evaporates, with {braces} and "quotes" in it',
      videos: [
        { id: B, status: 'finished', resultUrl: 'https://cdn.pika.art/v1/x/_____seed1.mp4' },
      ],
      created_at: '2026-01-01',
    };
    const r = parseTaskInput(JSON.stringify(answer, null, 2));
    expect(r).toEqual({ ids: [A], duplicates: [], errors: [] });
  });

  it('reads several JSON answers, a JSON list and ids mixed in one text', () => {
    const text = `${JSON.stringify({ id: A, videos: [] })}\n${JSON.stringify({ id: B })} ["${C}", "https://x.io/pika/feed/task_0000009"]`;
    const r = parseTaskInput(text);
    expect(r.ids).toEqual([A, B, C, 'task_0000009']);
    expect(r.errors).toEqual([]);
  });

  it('reads ids from wrapped generate answers', () => {
    expect(parseTaskInput(JSON.stringify({ code: 'success', data: { id: A } })).ids).toEqual([A]);
    expect(parseTaskInput(JSON.stringify({ task_id: B })).ids).toEqual([B]);
  });

  it('refuses path and URL injection with a message saying why', () => {
    const r = parseTaskInput(
      [
        '../../etc/passwd',
        `https://api.gpt.ge/pika/feed/../../admin`,
        `https://api.gpt.ge/pika/feed/abc%2f..%2fadmin`,
        'abcdef%2fxyz',
        'abcdef?admin=1',
        'abcdef#frag',
      ].join('\n'),
    );
    expect(r.ids).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/slashes or "\.\."/),
      expect.stringMatching(/slashes or "\.\."/),
      expect.stringMatching(/slashes or "\.\."/),
      expect.stringMatching(/encoded characters/),
      expect.stringMatching(/"\?" or "#"/),
      expect.stringMatching(/"\?" or "#"/),
    ]);
    expect(r.errors[0]!.input).toBe('../../etc/passwd');
  });

  it('keeps the good ids when some pieces are bad, one error per bad piece', () => {
    const r = parseTaskInput(
      `${A} abc hello.world https://example.com/video/123 ${'x'.repeat(200)} ${B}`,
    );
    expect(r.ids).toEqual([A, B]);
    expect(r.errors).toMatchObject([
      { input: 'abc', message: expect.stringMatching(/at least 6/) },
      { input: 'hello.world', message: expect.stringMatching(/only letters, digits/) },
      {
        input: 'https://example.com/video/123',
        message: expect.stringMatching(/\/pika\/feed\/<task id>/),
      },
      { input: expect.stringMatching(/^x{79}…$/), message: expect.stringMatching(/at most 128/) },
    ]);
  });

  it('says when JSON is cut off, unreadable, or holds no id', () => {
    expect(parseTaskInput(`{"id": "${A}", "videos": [`).errors[0]!.message).toMatch(/cut off/);
    expect(parseTaskInput(`{"id": ${A}}`).errors[0]!.message).toMatch(/could not be read/);
    expect(parseTaskInput(`{"promptText": "x"}`).errors[0]!.message).toMatch(/no task "id"/);
    expect(parseTaskInput('[]').errors[0]!.message).toMatch(/empty/);
  });

  it('never tracks or echoes an API token that was pasted along', () => {
    const key = 'sk-' + 'Zq9'.repeat(16);
    const r = parseTaskInput(`curl -H "Authorization: Bearer ${key}" ${A}\n${key}`);
    expect(r.ids).toContain(A);
    expect(r.ids).not.toContain(key);
    expect(JSON.stringify(r)).not.toContain(key);
    expect(r.errors.some((e) => /API token was left out/.test(e.message))).toBe(true);
    expect(r.errors.some((e) => /looks like an API token/.test(e.message))).toBe(true);
  });

  it('returns nothing for empty or blank text', () => {
    expect(parseTaskInput('')).toEqual({ ids: [], duplicates: [], errors: [] });
    expect(parseTaskInput(' \n\t,, ')).toEqual({ ids: [], duplicates: [], errors: [] });
  });

  it('handles a large paste quickly', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `task_${String(i).padStart(6, '0')}`);
    const started = performance.now();
    const r = parseTaskInput(ids.join('\n') + '\n' + ids.join(','));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.ids).toEqual(ids);
    expect(r.duplicates.length).toBe(5000);
  });

  it('refuses JSON nested deeper than MAX_JSON_DEPTH as one piece, without reading it', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + `"${A}"` + ']'.repeat(MAX_JSON_DEPTH + 1);
    const r = parseTaskInput(`${deep} ${B}`);
    expect(r.ids).toEqual([B]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/nested too deeply/);
    // One level less is a list like any other.
    const ok = '['.repeat(MAX_JSON_DEPTH) + `"${A}"` + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseTaskInput(ok)).toEqual({ ids: [A], duplicates: [], errors: [] });
  });

  // The bound is about complexity: the old parser took 7 s for 8 KB of nested brackets and
  // 4 minutes for the unclosed words. On an idle machine each case takes under 50 ms (the
  // issue's target); the assertion is generous (best of three, 250 ms) so a machine shared
  // with other test processes does not decide it, while the structural checks above and
  // below (depth refusal, one error per piece) do not depend on timing at all.
  it.each([
    ['nested brackets', (n: number) => '['.repeat(n / 2) + ']'.repeat(n / 2)],
    ['unclosed bracket words', (n: number) => '[ '.repeat(n / 2)],
    ['spaced nested lists', (n: number) => '[ '.repeat(n / 4) + '] '.repeat(n / 4)],
    ['nested objects', (n: number) => '{"a":'.repeat(n / 6) + '1' + '}'.repeat(n / 6)],
    ['a deep link of nested brackets', (n: number) => `pika-tray://task/ ${'[['.repeat(n / 2)}`],
  ])('reads 100 KB of %s in linear time', (_name, make) => {
    const text = make(100_000);
    expect(text.length).toBeGreaterThanOrEqual(99_000);
    let best = Infinity;
    let r = parseTaskInput('');
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      r = parseTaskInput(text);
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(250);
    expect(r.ids).toEqual([]);
    // Errors are per piece, not per bracket.
    expect(r.errors.length).toBeLessThan(10);
  });
});
