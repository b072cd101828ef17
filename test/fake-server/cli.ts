// `npm run mock-api`: the fake Pika gateway on a fixed port with three demo tasks, for trying
// Pika Tray or the CLI by hand without a real account. Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { startFakePika } from './index';

const HELP = `Usage: npm run mock-api -- [--port 8787] [--token mock-token] [--fast]

Starts a fake Pika API on 127.0.0.1 with three demo tasks (one of them fails).
  --port <n>     port to listen on (default 8787)
  --token <t>    bearer token it accepts (default mock-token)
  --fast         5 s queued + 20 s running instead of 10 s + 90 s
  --help         this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      token: { type: 'string', default: 'mock-token' },
      fast: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  const timing = values.fast
    ? { queuedMs: 5_000, runMs: 20_000 }
    : { queuedMs: 10_000, runMs: 90_000 };
  const fake = await startFakePika({ port, token: values.token, generatedTask: timing });
  const demo = [
    fake.addTask({ ...timing, prompt: 'A paper boat sailing down a rainy street' }),
    fake.addTask({ ...timing, runMs: timing.runMs * 1.5, prompt: '一只猫在月亮上跳舞', videos: 2 }),
    fake.addTask({
      ...timing,
      runMs: timing.runMs / 2,
      prompt: 'A glass city melting at sunset',
      outcome: 'error',
      errorMessage: 'Generation failed: the prompt was flagged by moderation.',
    }),
  ];
  console.log(`Fake Pika API listening on ${fake.url}
Token:    ${fake.token}
Timings:  queued ${timing.queuedMs / 1000} s, running ${timing.runMs / 1000} s (the second task 1.5x, the third fails halfway)

Demo tasks:
${demo.map((id) => `  ${id}`).join('\n')}

Pika Tray: Settings -> API base URL = ${fake.url}, token = ${fake.token}; paste the task ids above.
CLI:       PIKA_BASE_URL=${fake.url} PIKA_TOKEN=${fake.token} npx tsx main/cli/index.ts get ${demo[0]}
curl:      curl -H "Authorization: Bearer ${fake.token}" ${fake.url}/pika/feed/${demo[0]}
POST /pika/generate creates more tasks with the same timings. Ctrl-C stops the server.`);

  const stop = (): void => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`mock-api: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
