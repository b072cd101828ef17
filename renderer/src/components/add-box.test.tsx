import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { AddTasksResult } from '../../../preload/contract';
import { makeTask } from '../test-support/fixtures';
import { AddBox, type AddOutcome } from './add-box';

function Harness({ add }: { add: (text: string) => Promise<AddTasksResult> }) {
  const [outcome, setOutcome] = useState<AddOutcome | null>(null);
  return <AddBox add={add} outcome={outcome} onOutcome={setOutcome} />;
}

afterEach(cleanup);

const box = () => screen.getByLabelText('Task ids to add') as HTMLTextAreaElement;

describe('add box', () => {
  it('sends the text on Enter and shows what was added, duplicated and refused', async () => {
    const sent: string[] = [];
    const task = makeTask();
    render(
      <Harness
        add={async (text) => {
          sent.push(text);
          return {
            added: [task],
            duplicates: ['dup-id'],
            errors: [{ input: 'hello', message: 'Not a task id, feed URL or feed JSON' }],
          };
        }}
      />,
    );
    fireEvent.input(box(), { target: { value: `${task.id}\ndup-id\nhello` } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    await screen.findByText(/Added 1 task · 1 already in the list · 1 not understood/);
    expect(sent).toEqual([`${task.id}\ndup-id\nhello`]);
    expect(screen.getByText(/Already tracked: dup-id/)).toBeTruthy();
    expect(screen.getByText(/Not a task id, feed URL or feed JSON/)).toBeTruthy();
    // Only the refused part stays in the box, ready to be corrected.
    expect(box().value).toBe('hello');
    expect(box().getAttribute('aria-invalid')).toBe('true');
  });

  it('Shift+Enter does not send; the Add button does', async () => {
    const sent: string[] = [];
    render(
      <Harness
        add={async (text) => {
          sent.push(text);
          return { added: [], duplicates: [], errors: [] };
        }}
      />,
    );
    fireEvent.input(box(), { target: { value: 'abc' } });
    fireEvent.keyDown(box(), { key: 'Enter', shiftKey: true });
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(sent).toEqual(['abc']));
  });

  it('shows a failed call and keeps the text', async () => {
    render(
      <Harness
        add={async () => {
          throw new Error("Error invoking remote method 'tasks:add': Error: input too long");
        }}
      />,
    );
    fireEvent.input(box(), { target: { value: 'x'.repeat(10) } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    await screen.findByText('Could not add: input too long');
    expect(box().value).toBe('x'.repeat(10));
  });

  it('Escape clears the box and is consumed; with nothing to clear it passes through', async () => {
    render(<Harness add={async () => ({ added: [], duplicates: [], errors: [] })} />);
    fireEvent.input(box(), { target: { value: 'abc' } });
    const first = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    box().dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    await waitFor(() => expect(box().value).toBe(''));
    const second = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    box().dispatchEvent(second);
    expect(second.defaultPrevented).toBe(false);
  });
});
