// The invoke answers that hand tasks to the window (the list, the tasks just added, a task
// just generated) with their error words in the window's language of the moment.
import type { Locale } from '../../core/i18n';
import type { InvokeHandlers } from '../ipc/handler-types';
import { taskForWindow, tasksForWindow } from '../ipc/task-words';

type Worded = Pick<InvokeHandlers, 'tasks:list' | 'tasks:add' | 'generate:create'>;

export function inWindowWords<H extends Worded>(handlers: H, locale: () => Locale): H {
  const list = handlers['tasks:list'];
  const add = handlers['tasks:add'];
  const generate = handlers['generate:create'];
  return {
    ...handlers,
    'tasks:list': async () => tasksForWindow(await list(), locale()),
    'tasks:add': async (text) => {
      const result = await add(text);
      return { ...result, added: tasksForWindow(result.added, locale()) };
    },
    'generate:create': async (request, requestId) => {
      const outcome = await generate(request, requestId);
      return outcome.outcome === 'created'
        ? { ...outcome, task: taskForWindow(outcome.task, locale()) }
        : outcome;
    },
  };
}
