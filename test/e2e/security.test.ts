// The page's own locks, in real Chromium on the built renderer: the page is answered with
// main's CSP as a response header (the app sends it from app://, the harness's server from
// the same module; the page carries no <meta> copy that could drift), and it refuses inline
// and eval'd script, any request from the page, and images from anywhere but the app.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/app/window/security';
import type { Harness } from './harness/app-harness';
import { useHarness } from './harness/use-harness';

let h: Harness | undefined;
const startHarness = useHarness();

const WAIT = { timeout: 10_000 };

interface Probe {
  meta: string | null;
  evalRan: boolean;
  inlineRan: boolean;
  fetchFailed: boolean;
  violations: string[];
  exposed: string[];
}

// Runs in the page (kept as a string: the test code is compiled without DOM types).
const PROBE = (fakeUrl: string) => `(async () => {
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push(e.violatedDirective + ' ' + e.blockedURI));
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  // From a timer, not the evaluation itself: DevTools' own evaluation is exempt from CSP.
  let evalRan = false;
  await new Promise((resolve) => setTimeout(() => {
    try { evalRan = eval('true'); } catch {}
    resolve();
  }, 0));
  const script = document.createElement('script');
  script.textContent = 'window.__inlineRan = true';
  document.head.appendChild(script);
  let fetchFailed = false;
  try { await fetch(${JSON.stringify(fakeUrl)} + '/pika/feed/abcdef'); } catch { fetchFailed = true; }
  const image = (src) => new Promise((resolve) => {
    const img = new Image();
    img.onload = img.onerror = () => resolve();
    img.src = src;
    document.body.appendChild(img);
  });
  // Port 1 on this machine: nothing answers, so only the policy decides whether it is tried.
  await image('http://127.0.0.1:1/poster.png');
  await image('https://127.0.0.1:1/poster.png');
  await new Promise((r) => setTimeout(r, 50));
  return {
    meta: meta ? meta.getAttribute('content') : null,
    evalRan,
    inlineRan: window.__inlineRan === true,
    fetchFailed,
    violations,
    exposed: Object.getOwnPropertyNames(window).filter((k) =>
      ['pika', 'require', 'process', 'ipcRenderer', 'electron'].includes(k)),
  };
})()`;

describe('page security end to end', () => {
  it('the page is served with main’s CSP, which blocks script, requests and outside images', async () => {
    h = await startHarness();
    const { page, fake } = h;
    await page.getByText('No tasks yet').waitFor(WAIT);
    const probe = (await page.evaluate(PROBE(fake.url))) as Probe;

    const answer = await fetch(page.url());
    expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(probe.meta).toBeNull();
    expect(probe.evalRan).toBe(false);
    expect(probe.inlineRan).toBe(false);
    expect(probe.fetchFailed).toBe(true);
    expect(fake.requests.filter((r) => r.path === '/pika/feed/abcdef')).toEqual([]);
    // Exactly these five were refused: images come only from what the app serves itself.
    expect([...probe.violations].sort()).toEqual(
      [
        'script-src eval',
        'script-src-elem inline',
        `connect-src ${fake.url}/pika/feed/abcdef`,
        'img-src http://127.0.0.1:1/poster.png',
        'img-src https://127.0.0.1:1/poster.png',
      ].sort(),
    );
    // Only the bridge is in the page: no Node, no Electron, no ipcRenderer.
    expect(probe.exposed).toEqual(['pika']);
  });
});
