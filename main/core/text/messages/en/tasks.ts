// The tracker's own words about a task (create-tracker.ts, task-schema.ts).
import { defineCatalog } from '../../../i18n';

export const tasksEn = defineCatalog({
  requestFailed: 'The request failed.',
  couldNotAsk: (detail: string) => `Could not ask about the task: ${detail}`,
  unknownGaveUp: (id: string, times: number) =>
    `Unknown task id ${id}: the server said ${times} times in a row that it has no such task. Check the id; Re-check tries again.`,
  interrupted: 'The download was interrupted when the app closed.',
});
