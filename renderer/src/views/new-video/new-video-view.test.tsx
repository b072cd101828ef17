import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GenerateOutcome, GenerateRequest, TrackedTask } from '../../../../preload/contract';
import { BridgeContext } from '../../bridge';
import { createFakeBridge, type FakeBridge } from '../../test-support/fake-bridge';
import { finishedTask, makeTask } from '../../test-support/fixtures';
import { forgetDraft, NewVideoView, type NewVideoPrefill } from './new-video-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// A real 1x1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface Sent {
  request: GenerateRequest;
  requestId: string;
}

/** A bridge whose generate call answers when the test says so. */
function generateBridge() {
  const bridge: FakeBridge = createFakeBridge();
  const sent: Sent[] = [];
  const answers: ((o: GenerateOutcome | Error) => void)[] = [];
  bridge.generate.create = (request, requestId) => {
    sent.push({ request: structuredClone(request), requestId });
    return new Promise<GenerateOutcome>((resolve, reject) => {
      answers.push((o) => (o instanceof Error ? reject(o) : resolve(o)));
    });
  };
  const answer = (o: GenerateOutcome | Error) => {
    const next = answers.shift();
    if (!next) throw new Error('no request waiting for an answer');
    next(o);
  };
  return { bridge, sent, answer };
}

function renderView(
  bridge: FakeBridge,
  props: { prefill?: NewVideoPrefill; onShowTasks?: () => void } = {},
) {
  const created: TrackedTask[] = [];
  const utils = render(
    <BridgeContext.Provider value={bridge}>
      <NewVideoView onCreated={(t) => created.push(t)} {...props} />
    </BridgeContext.Provider>,
  );
  return { ...utils, created };
}

const prompt = () => screen.getByLabelText('Prompt') as HTMLTextAreaElement;
const submitButton = () =>
  screen.getByRole('button', {
    name: /^(Create video|Extend video|Sending…)$/,
  }) as HTMLButtonElement;
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function pngFile(name = 'cat.png'): File {
  const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
  return new File([bytes], name, { type: 'image/png' });
}

/** A drop carrying files, as a browser sends it (testing-library's drop loses the files here). */
function dropEvent(file: File): Event {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
  return event;
}

beforeEach(() => {
  forgetDraft();
  localStorage.clear();
});
afterEach(cleanup);

describe('the request body, per option', () => {
  it('defaults', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    type('Prompt', '  a paper boat on a rainy street ');
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request).toEqual({
      promptText: 'a paper boat on a rainy street',
      model: '2.0',
      pikaffect: '',
      options: {
        aspectRatio: 16 / 9,
        frameRate: 24,
        camera: {},
        extend: false,
        parameters: { guidanceScale: 12, motion: 1, negativePrompt: '' },
      },
    });
    expect(sent[0]!.requestId).toMatch(UUID);
  });

  it('every option the form offers', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    type('Prompt', 'a fox');
    choose('Model', '1.5');
    choose('Effect', 'Melt');
    fireEvent.click(screen.getByLabelText('9:16'));
    fireEvent.click(screen.getByText('More options'));
    type('Frame rate', '12');
    type('Motion', '3');
    type('Guidance', '20');
    type('Negative prompt', 'blurry');
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request).toEqual({
      promptText: 'a fox',
      model: '1.5',
      pikaffect: 'Melt',
      options: {
        aspectRatio: 9 / 16,
        frameRate: 12,
        camera: {},
        extend: false,
        parameters: { guidanceScale: 20, motion: 3, negativePrompt: 'blurry' },
      },
    });
  });

  it.each([
    ['1:1', 1],
    ['4:5', 0.8],
    ['5:4', 1.25],
    ['4:3', 4 / 3],
    ['3:4', 0.75],
    ['16:9', 16 / 9],
  ])('aspect %s', async (preset, ratio) => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    fireEvent.click(screen.getByLabelText(preset));
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request.options!.aspectRatio).toBe(ratio);
  });

  it('a chosen image file is sent as base64 and the aspect ratio left out', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    type('Prompt', 'animate this');
    fireEvent.change(screen.getByLabelText('Image file'), { target: { files: [pngFile()] } });
    await screen.findByText('cat.png');
    expect((screen.getByLabelText('16:9') as HTMLInputElement).closest('fieldset')!.disabled).toBe(
      true,
    );
    expect(screen.getByText('Taken from the image.')).toBeTruthy();
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request.image).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(sent[0]!.request.options).not.toHaveProperty('aspectRatio');
  });

  it('a dropped image file is taken by the form, not by the window', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    let reachedWindow = false;
    const onWindowDrop = () => (reachedWindow = true);
    window.addEventListener('drop', onWindowDrop);
    type('Prompt', 'animate this');
    fireEvent(screen.getByTestId('image-drop'), dropEvent(pngFile('dropped.png')));
    await screen.findByText('dropped.png');
    window.removeEventListener('drop', onWindowDrop);
    expect(reachedWindow).toBe(false);
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request.image).toMatch(/^data:image\/png;base64,/);
  });

  it('an image link is sent as given', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    type('Image link', 'https://example.com/cat.jpg');
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request.image).toBe('https://example.com/cat.jpg');
    expect(sent[0]!.request.options).not.toHaveProperty('aspectRatio');
  });

  it('"Extend" from a finished task sends its video with options.extend', async () => {
    const { bridge, sent } = generateBridge();
    const task = finishedTask({ promptText: 'a lighthouse' });
    renderView(bridge, { prefill: { task, mode: 'extend', seq: 1 } });
    expect(prompt().value).toBe('a lighthouse');
    expect(screen.getByText(task.videos[0]!.resultUrl!)).toBeTruthy();
    expect(screen.queryByLabelText('Image file')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Extend video' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request).toMatchObject({
      promptText: 'a lighthouse',
      video: task.videos[0]!.resultUrl,
      options: { extend: true },
    });
    expect(sent[0]!.request.options).not.toHaveProperty('aspectRatio');
  });

  it('"Again" starts from the prompt; removing the extend makes a new video', async () => {
    const { bridge, sent } = generateBridge();
    const task = finishedTask({ promptText: 'a lighthouse' });
    renderView(bridge, { prefill: { task, mode: 'again', seq: 1 } });
    expect(prompt().value).toBe('a lighthouse');
    expect(screen.queryByText('Make a new video instead')).toBeNull();
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request).not.toHaveProperty('video');
  });
});

describe('"Again" on a task this form created', () => {
  /** Sends the form as filled by `fill`, answers "created" with `task`, and unmounts. */
  async function create(task: TrackedTask, fill: () => void | Promise<unknown>) {
    const { bridge, sent, answer } = generateBridge();
    const view = renderView(bridge);
    type('Prompt', task.promptText);
    await fill();
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    answer({ outcome: 'created', task });
    await waitFor(() => expect(view.created).toEqual([task]));
    view.unmount();
    return sent[0]!.request;
  }

  it('restores every setting it was sent with, so the same body is sent again', async () => {
    const task = finishedTask({ promptText: 'a fox in the snow' });
    const first = await create(task, () => {
      choose('Model', '1.5');
      choose('Effect', 'Melt');
      fireEvent.click(screen.getByLabelText('4:5'));
      fireEvent.click(screen.getByText('More options'));
      type('Frame rate', '12');
      type('Motion', '3');
      type('Guidance', '20');
      type('Negative prompt', 'blurry');
    });

    const { bridge, sent } = generateBridge();
    renderView(bridge, { prefill: { task, mode: 'again', seq: 1 } });
    expect(prompt().value).toBe('a fox in the snow');
    expect((screen.getByLabelText('Model') as HTMLSelectElement).value).toBe('1.5');
    expect((screen.getByLabelText('Effect') as HTMLSelectElement).value).toBe('Melt');
    expect((screen.getByLabelText('4:5') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Motion') as HTMLInputElement).value).toBe('3');
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request).toEqual(first);
    expect(first).toMatchObject({ model: '1.5', pikaffect: 'Melt', options: { frameRate: 12 } });
  });

  it('"Extend" keeps the model and motion settings and drops the effect', async () => {
    const task = finishedTask({ promptText: 'waves' });
    await create(task, () => {
      choose('Model', '1.5');
      choose('Effect', 'Squish');
      fireEvent.click(screen.getByText('More options'));
      type('Motion', '4');
    });
    const { bridge, sent } = generateBridge();
    renderView(bridge, { prefill: { task, mode: 'extend', seq: 1 } });
    fireEvent.click(screen.getByRole('button', { name: 'Extend video' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request).toMatchObject({
      model: '1.5',
      video: task.videos[0]!.resultUrl,
      options: { extend: true, parameters: { motion: 4 } },
    });
    expect(sent[0]!.request).toHaveProperty('pikaffect', '');
  });

  it('a picked image file is not kept: the form asks for it again', async () => {
    const task = finishedTask({ promptText: 'animate this' });
    const first = await create(task, () => {
      fireEvent.change(screen.getByLabelText('Image file'), { target: { files: [pngFile()] } });
      return screen.findByText('cat.png');
    });
    expect(first.image).toMatch(/^data:image\/png;base64,/);
    expect(localStorage.getItem('pika-tray:generate-settings')).not.toContain('base64');
    renderView(generateBridge().bridge, { prefill: { task, mode: 'again', seq: 1 } });
    expect(
      screen.getByText('Its start image was the file "cat.png": choose it again to use it.'),
    ).toBeTruthy();
    expect(screen.queryByText('cat.png')).toBeNull();
  });

  it('a task it did not create, or an unreadable record, starts from the defaults', () => {
    localStorage.setItem('pika-tray:generate-settings', '{not json');
    renderView(generateBridge().bridge, {
      prefill: { task: finishedTask({ promptText: 'elsewhere' }), mode: 'again', seq: 1 },
    });
    expect(prompt().value).toBe('elsewhere');
    expect((screen.getByLabelText('Model') as HTMLSelectElement).value).toBe('2.0');
    expect((screen.getByLabelText('16:9') as HTMLInputElement).checked).toBe(true);
  });
});

describe('prefill and drops', () => {
  it('a new "Again" while the view is open replaces the form', () => {
    const { bridge } = generateBridge();
    const first = finishedTask({ promptText: 'first idea' });
    const second = finishedTask({ promptText: 'second idea' });
    const view = renderView(bridge, { prefill: { task: first, mode: 'again', seq: 1 } });
    expect(prompt().value).toBe('first idea');
    view.rerender(
      <BridgeContext.Provider value={bridge}>
        <NewVideoView onCreated={() => {}} prefill={{ task: second, mode: 'extend', seq: 2 }} />
      </BridgeContext.Provider>,
    );
    expect(prompt().value).toBe('second idea');
    expect(screen.getByText(second.videos[0]!.resultUrl!)).toBeTruthy();
  });

  it('a prefilled form the user edited survives leaving and coming back', () => {
    const { bridge } = generateBridge();
    const prefill = {
      task: finishedTask({ promptText: 'from a task' }),
      mode: 'again' as const,
      seq: 1,
    };
    const first = renderView(bridge, { prefill });
    type('Prompt', 'from a task, but at night');
    first.unmount();
    renderView(bridge, { prefill });
    expect(prompt().value).toBe('from a task, but at night');
  });

  it('"Extend" on a task with no finished video says so and starts from its prompt', () => {
    const { bridge } = generateBridge();
    const task = makeTask({ id: 'running-task', promptText: 'still going' });
    renderView(bridge, { prefill: { task, mode: 'extend', seq: 1 } });
    expect(prompt().value).toBe('still going');
    expect(
      screen.getByText(
        'Task running-task has no finished video to extend yet. Starting a new video from its prompt instead.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('Make a new video instead')).toBeNull();
  });

  it('an image dropped anywhere on the view is used, and never reaches the window', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    let reachedWindow = false;
    const onWindowDrop = () => (reachedWindow = true);
    window.addEventListener('drop', onWindowDrop);
    type('Prompt', 'animate this');
    fireEvent(prompt(), dropEvent(pngFile('on-the-prompt.png')));
    await screen.findByText('on-the-prompt.png');
    window.removeEventListener('drop', onWindowDrop);
    expect(reachedWindow).toBe(false);
    expect(prompt().value).toBe('animate this');
    fireEvent.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.request.image).toMatch(/^data:image\/png;base64,/);
  });
});

describe('sending once', () => {
  it('a double click sends once; the button is disabled until the answer', async () => {
    const { bridge, sent, answer } = generateBridge();
    const { created } = renderView(bridge);
    type('Prompt', 'once');
    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    fireEvent.submit(submitButton().closest('form')!);
    await waitFor(() => expect(submitButton().disabled).toBe(true));
    expect(submitButton().textContent).toBe('Sending…');
    fireEvent.click(submitButton());
    expect(sent).toHaveLength(1);
    const task = makeTask({ promptText: 'once' });
    answer({ outcome: 'created', task });
    await waitFor(() => expect(created).toEqual([task]));
    expect(sent).toHaveLength(1);
  });

  it('a successful send clears the draft', async () => {
    const { bridge, answer } = generateBridge();
    const first = renderView(bridge);
    type('Prompt', 'kept?');
    fireEvent.click(submitButton());
    answer({ outcome: 'created', task: makeTask() });
    await waitFor(() => expect(first.created).toHaveLength(1));
    first.unmount();
    renderView(bridge);
    expect(prompt().value).toBe('');
  });

  it('the draft survives leaving the view and coming back', () => {
    const { bridge } = generateBridge();
    const first = renderView(bridge);
    type('Prompt', 'half-written idea');
    first.unmount();
    renderView(bridge);
    expect(prompt().value).toBe('half-written idea');
  });
});

describe('errors next to their fields', () => {
  it('local validation: nothing is sent, the error sits under the field', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    fireEvent.click(submitButton());
    const error = await screen.findByText('Describe the video you want.');
    expect(error.id).toBe('nv-prompt-error');
    expect(prompt().getAttribute('aria-invalid')).toBe('true');
    expect(prompt().getAttribute('aria-describedby')).toContain('nv-prompt-error');
    expect(sent).toEqual([]);
    // Typing clears it.
    type('Prompt', 'now there is one');
    expect(screen.queryByText('Describe the video you want.')).toBeNull();
  });

  it('an out-of-range advanced option opens "More options" and shows its error', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    type('Motion', '9');
    fireEvent.click(submitButton());
    const error = await screen.findByText('Motion must be a whole number from 0 to 4.');
    expect(error.id).toBe('nv-motion-error');
    expect((error.closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(sent).toEqual([]);
  });

  it('a server refusal naming a field is shown under that field', async () => {
    const { bridge, answer } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    fireEvent.click(submitButton());
    answer({
      outcome: 'rejected',
      kind: 'bad-request',
      message: 'motion must be at most 2 for model 2.0',
      field: 'options.parameters.motion',
    });
    const error = await screen.findByText('motion must be at most 2 for model 2.0');
    expect(error.id).toBe('nv-motion-error');
    expect(submitButton().disabled).toBe(false);
  });

  it('a server refusal without a field is shown above the button', async () => {
    const { bridge, answer } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    fireEvent.click(submitButton());
    answer({ outcome: 'rejected', kind: 'forbidden', message: 'Insufficient quota' });
    const error = await screen.findByText('Insufficient quota');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.className).toBe('nv-form-error');
  });

  it('a file that is not an image is refused before anything is sent', async () => {
    const { bridge, sent } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    const video = new File([new Uint8Array(10)], 'clip.mp4', { type: 'video/mp4' });
    fireEvent.change(screen.getByLabelText('Image file'), { target: { files: [video] } });
    await screen.findByText('clip.mp4 is not a PNG, JPEG or WebP image.');
    fireEvent.click(submitButton());
    expect(sent).toEqual([]);
  });

  it('an image over the size limit is refused without reading it', async () => {
    const { bridge } = generateBridge();
    renderView(bridge);
    const big = new File([new Uint8Array(11 * 1024 * 1024)], 'huge.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Image file'), { target: { files: [big] } });
    await screen.findByText('huge.png is 11 MB, over the 10 MB limit for images.');
  });
});

describe('unknown outcome', () => {
  it('is shown plainly; only "Send again anyway" resends, with a new request id', async () => {
    const { bridge, sent, answer } = generateBridge();
    const shown: string[] = [];
    const { created } = renderView(bridge, { onShowTasks: () => shown.push('tasks') });
    type('Prompt', 'maybe billed');
    fireEvent.click(submitButton());
    answer({ outcome: 'unknown', message: 'No answer came from the server.' });
    await screen.findByText('Unknown outcome — check your tasks before resending');
    expect(screen.getByText('No answer came from the server.')).toBeTruthy();
    // The normal submit is gone and the fields are locked: Enter cannot resend by accident.
    expect(screen.queryByRole('button', { name: 'Create video' })).toBeNull();
    expect(prompt().closest('fieldset')!.disabled).toBe(true);
    fireEvent.submit(prompt().closest('form')!);
    expect(sent).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Check tasks' }));
    expect(shown).toEqual(['tasks']);

    fireEvent.click(screen.getByRole('button', { name: 'Send again anyway' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.request).toEqual(sent[0]!.request);
    expect(sent[1]!.requestId).toMatch(UUID);
    expect(sent[1]!.requestId).not.toBe(sent[0]!.requestId);
    const task = makeTask();
    answer({ outcome: 'created', task });
    await waitFor(() => expect(created).toEqual([task]));
  });

  it('a broken IPC call counts as unknown, not as a refusal', async () => {
    const { bridge, answer } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    fireEvent.click(submitButton());
    answer(new Error('IPC channel closed'));
    await screen.findByText('Unknown outcome — check your tasks before resending');
  });

  it('"Edit the form" goes back to editing without sending', async () => {
    const { bridge, sent, answer } = generateBridge();
    renderView(bridge);
    type('Prompt', 'x');
    fireEvent.click(submitButton());
    answer({ outcome: 'unknown', message: 'No answer.' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the form' }));
    expect(submitButton().disabled).toBe(false);
    expect(prompt().value).toBe('x');
    expect(sent).toHaveLength(1);
  });
});
