// New video: why a generation was not started, or may have been.
import { defineCatalog } from '../../../i18n';

export const generateEn = defineCatalog({
  writePrompt: 'Write a prompt (or give an image or a video) first.',
  unknownOutcome:
    'No answer came from the server, so the video may or may not have started (and been billed). Check your Pika task list before resending.',
  /** The connection was never made; `what` says why. */
  nothingSent: (what: string) => `${what} Nothing was sent.`,
  notTracked: (id: string) => `The server started task ${id}, but it could not be tracked.`,
  quotaRefusal: (host: string) =>
    `Not created: your credit on ${host} has run out. Top it up, then try again.`,
  quotaRefusalNoHost:
    'Not created: your credit with the gateway has run out. Top it up, then try again.',
});
