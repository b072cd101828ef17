// "Again" and "Extend" on a task card: a form started from that task. The feed tells us the
// prompt only; the settings it was made with come from what the app kept when it created the
// task (generate-settings.ts). Without them everything else starts at the defaults.
import type { TrackedTask } from '../tasks/model';
import { formProblem, FormProblemError } from './form-problem';
import { emptyForm, type GenerateForm } from './generate-form';
import { applySettings, type GenerateSettings } from './generate-settings';

export type PrefillMode = 'again' | 'extend';

/** The video an "Extend" would continue: the chosen one, else the task's first finished one. */
export function extendableUrl(task: Pick<TrackedTask, 'videos'>, videoId?: string): string | null {
  const videos = videoId ? task.videos.filter((v) => v.id === videoId) : task.videos;
  return videos.find((v) => v.state === 'finished' && v.resultUrl)?.resultUrl ?? null;
}

export function prefillFrom(
  task: TrackedTask,
  mode: PrefillMode,
  videoId?: string,
  settings?: GenerateSettings | null,
): GenerateForm {
  let form: GenerateForm = { ...emptyForm(), prompt: task.promptText };
  if (settings) form = applySettings(form, settings, mode);
  if (mode === 'extend') {
    const url = extendableUrl(task, videoId);
    if (url === null) {
      throw new FormProblemError(formProblem('noFinishedVideo', task.id));
    }
    form.extendVideo = url;
  }
  return form;
}
