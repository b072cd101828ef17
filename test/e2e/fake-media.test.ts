// The fake server's result URLs serve media a real browser plays: the MP4 decodes and plays
// to its end, and the poster and thumbnail decode as images of their stated sizes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../fake-server/index';
import { launchChromium, type LaunchedBrowser } from './harness/browser';

let fake: FakePika;
let browser: LaunchedBrowser;
beforeAll(async () => {
  fake = await startFakePika();
  browser = await launchChromium({});
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

it('Chromium plays the result MP4 to its end and decodes the JPEG poster and thumbnail', async () => {
  const id = fake.addTask({ queuedMs: 0, runMs: 0 });
  const answer = (await (
    await fetch(`${fake.url}/pika/feed/${id}`, {
      headers: { Authorization: `Bearer ${fake.token}` },
    })
  ).json()) as { videos: Record<string, string>[] };
  const urls = answer.videos[0]!;
  const page = await browser.context.newPage();
  // A page on the same origin, so nothing about the media load is cross-origin.
  await page.goto(urls['videoPoster']!);
  // An expression, because the test code is compiled for Node (no DOM types); it runs in the page.
  const probe = `(async ({ src, poster, thumb }) => {
    const video = document.createElement('video');
    video.muted = true;
    video.src = src;
    document.body.append(video);
    const loaded = await new Promise((resolve) => {
      video.onloadeddata = () => resolve('loaded');
      video.onerror = () => resolve('error ' + video.error.code + ' ' + video.error.message);
      setTimeout(() => resolve('timed out'), 10000);
    });
    const ended = new Promise((resolve) => {
      video.onended = () => resolve(true);
      setTimeout(() => resolve(false), 10000);
    });
    await video.play();
    const size = async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    };
    return {
      loaded,
      width: video.videoWidth,
      height: video.videoHeight,
      duration: video.duration,
      ended: await ended,
      currentTime: video.currentTime,
      poster: await size(poster),
      thumb: await size(thumb),
    };
  })(${JSON.stringify({ src: urls['resultUrl'], poster: urls['videoPoster'], thumb: urls['imageThumb'] })})`;
  const seen = (await page.evaluate(probe)) as {
    loaded: string;
    width: number;
    height: number;
    duration: number;
    ended: boolean;
    currentTime: number;
    poster: number[];
    thumb: number[];
  };
  expect(seen).toMatchObject({ loaded: 'loaded', width: 128, height: 72, ended: true });
  expect(seen.duration).toBeCloseTo(1, 1);
  expect(seen.currentTime).toBeCloseTo(1, 1);
  expect(seen.poster).toEqual([320, 180]);
  expect(seen.thumb).toEqual([96, 54]);
  await page.close();
});
