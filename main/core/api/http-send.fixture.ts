// Run by http-send.test.ts in a process of its own: the client generates a task and polls it
// to the end against the fake server, then prints which undici modules Node had loaded.
import { startFakePika } from '../../../test/fake-server/index';
import { createPikaClient } from './client';

const fake = await startFakePika();
try {
  const client = createPikaClient({ baseUrl: fake.url, getToken: () => fake.token });
  const { id } = await client.generate({ promptText: 'A cat surfing' });
  const finished = fake.addTask({ queuedMs: 0, runMs: 0 });
  const task = await client.getTask(finished);
  // Node's list of the internal modules it has loaded (not in @types/node).
  const loaded = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
  const undici = loaded.filter((name) => /undici/i.test(name));
  process.stdout.write(JSON.stringify({ state: task.state, created: id.length > 0, undici }));
} finally {
  await fake.close();
}
