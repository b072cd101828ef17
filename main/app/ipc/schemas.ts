// Runtime shapes of every IPC argument tuple. The mapped types make a channel added to the
// contract without a schema a compile error; the router checks every call against these
// before a handler sees it, because a compromised renderer can send anything.
import { z } from 'zod';
import { LANGUAGE_SETTINGS } from '../../core/i18n/locale';
import type {
  InvokeChannel,
  InvokeChannels,
  SendChannel,
  SendChannels,
} from '../../../preload/contract';

/** Long enough for any real paste of many ids, short enough to refuse a flood. */
export const MAX_TEXT = 100_000;

const taskId = z.string().min(1).max(200);
const videoRef = z.strictObject({ taskId, videoId: z.string().min(1).max(200) });

const network = z.strictObject({
  mode: z.enum(['system', 'none', 'manual']),
  proxyUrl: z.string().max(2000),
});

// No downloadDir: the folder changes only through main's own folder picker
// ('settings:choose-folder'), never to a path the renderer names.
const settingsPatch = z
  .strictObject({
    baseUrl: z.string().max(2000),
    autoDownload: z.boolean(),
    notifications: z.boolean(),
    launchAtLogin: z.boolean(),
    autoUpdate: z.boolean(),
    pollFloorSec: z.number(),
    pollCapSec: z.number(),
    stalledAfterMin: z.number(),
    network,
    lowCreditUsd: z.number(),
    pollMaxPerMin: z.number(),
    taskLayout: z.enum(['list', 'grid']),
    language: z.enum(LANGUAGE_SETTINGS),
  })
  .partial();

const generateRequest = z.strictObject({
  promptText: z.string().max(10_000),
  model: z.string().max(100).optional(),
  pikaffect: z.string().max(100).optional(),
  options: z
    .strictObject({
      aspectRatio: z.number().positive().optional(),
      frameRate: z.number().positive().optional(),
      camera: z.record(z.string(), z.unknown()).optional(),
      extend: z.boolean().optional(),
      parameters: z
        .strictObject({
          guidanceScale: z.number().optional(),
          motion: z.number().optional(),
          negativePrompt: z.string().max(10_000).optional(),
        })
        .optional(),
    })
    .optional(),
  // Base64 images are large; 20 MB of text is the most we accept over IPC.
  image: z.string().max(20_000_000).optional(),
  video: z.string().max(4096).optional(),
});

type InvokeSchemas = { [C in InvokeChannel]: z.ZodType<InvokeChannels[C]['args']> };
type SendSchemas = { [C in SendChannel]: z.ZodType<SendChannels[C]> };

const none = z.tuple([]);

export const invokeSchemas: InvokeSchemas = {
  'tasks:list': none,
  'tasks:add': z.tuple([z.string().max(MAX_TEXT)]),
  'tasks:remove': z.tuple([taskId]),
  'tasks:recheck': z.tuple([taskId]),
  'tasks:mark-seen': z.tuple([z.array(taskId).max(10_000)]),
  'tasks:download': z.tuple([videoRef]),
  'tasks:count-not-downloaded': none,
  'tasks:download-all-finished': none,
  'tasks:open-file': z.tuple([videoRef]),
  'tasks:reveal-file': z.tuple([videoRef]),
  'tasks:open-link': z.tuple([videoRef]),
  'settings:get': none,
  'settings:update': z.tuple([settingsPatch]),
  'settings:choose-folder': none,
  'token:set': z.tuple([z.string().max(10_000)]),
  'token:clear': none,
  'token:test': none,
  'network:test': z.tuple([network]),
  'polling:pause': none,
  'polling:resume': none,
  'app:status': none,
  'app:copy-text': z.tuple([z.string().max(MAX_TEXT)]),
  'app:hide-window': none,
  'app:take-navigation': none,
  'generate:create': z.tuple([generateRequest, z.string().min(1).max(200)]),
  'credit:refresh': z.tuple([z.enum(['open', 'manual'])]),
  'credit:open-top-up': z.tuple([]),
};

export const sendSchemas: SendSchemas = {
  'drag:start': z.tuple([videoRef]),
};
