// What a stored task must look like to be trusted after a restart. Local bookkeeping fields
// get safe defaults (older or hand-edited files still load); the identity and state of a task
// must be right, or the entry is set aside rather than guessed at.
import { z } from 'zod';
import { PIKA_ERROR_KINDS } from '../api/errors';
import type { TrackedTask } from './model';
import { readMessageRef, renderMessage, say } from '../text/message-ref';

// A stored ref this version does not know (older, newer, hand-edited) is dropped: the stored
// English message is shown instead. `message` is always stored, so older versions read it too.
const refField = z
  .unknown()
  .optional()
  .transform((value) => readMessageRef(value));

const nullableString = z.string().nullable().catch(null);
const nullableNumber = z.number().finite().nullable().catch(null);

const videoSchema = z.object({
  id: z.string().min(1),
  status: z.string().catch('unknown'),
  state: z.enum(['queued', 'running', 'finished', 'failed']),
  progress: nullableNumber,
  seed: nullableNumber,
  resultUrl: nullableString,
  sharingUrl: nullableString,
  videoPoster: nullableString,
  imageThumb: nullableString,
  duration: nullableNumber,
  error: nullableString,
});

const errorSchema = z
  .object({
    kind: z.enum([...PIKA_ERROR_KINDS, 'download']),
    message: z.string(),
    ref: refField,
  })
  .transform(({ ref, ...rest }) => (ref ? { ...rest, ref } : rest));

const downloadSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('downloading'),
    bytes: z.number(),
    total: z.number().nullable(),
    rate: z.number().nullable(),
  }),
  z.object({ status: z.literal('done'), path: z.string().min(1), bytes: z.number() }),
  z
    .object({ status: z.literal('failed'), message: z.string(), ref: refField })
    .transform(({ ref, ...rest }) => (ref ? { ...rest, ref } : rest)),
]);

export const storedTaskSchema = z.object({
  id: z.string().min(1),
  promptText: z.string().catch(''),
  videos: z.array(videoSchema),
  state: z.enum(['queued', 'running', 'finished', 'failed', 'stalled']),
  progress: nullableNumber,
  addedAt: z.number().finite(),
  lastCheckedAt: nullableNumber,
  endedAt: nullableNumber,
  lastError: errorSchema.nullable().catch(null),
  attempts: z.number().int().nonnegative().catch(0),
  downloads: z.record(z.string(), downloadSchema).catch({}),
  seen: z.boolean().catch(true),
});

/** A valid stored task, or null. A download cut off by the restart is reported as failed. */
export function parseStoredTask(raw: unknown): TrackedTask | null {
  const parsed = storedTaskSchema.safeParse(raw);
  if (!parsed.success) return null;
  const task = parsed.data as TrackedTask;
  for (const [videoId, download] of Object.entries(task.downloads)) {
    if (download.status === 'downloading') {
      const ref = say('tasks.interrupted');
      task.downloads[videoId] = { status: 'failed', message: renderMessage(ref, 'en'), ref };
    }
  }
  return task;
}
