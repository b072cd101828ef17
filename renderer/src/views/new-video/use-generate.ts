// Sending one generate request and holding what came back. A request is sent at most once per
// attempt: the guard is a ref (set before the first await) so a second click that lands before
// the button re-renders as disabled still finds it busy.
import { messages } from '../../i18n/i18n';
import { useCallback, useRef, useState } from 'preact/hooks';
import type {
  GenerateOutcome,
  GenerateRequest,
  PikaBridge,
  TrackedTask,
} from '../../../../preload/contract';
import { newRequestId } from './request-id';

export type SendState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  /** No answer: the video may have started (and been billed). Only a deliberate resend. */
  | { phase: 'unknown'; message: string }
  | {
      phase: 'rejected';
      kind: string;
      message: string;
      field: string | null;
      /** Refused for quota at a known gateway: its top-up page. */
      topUpUrl?: string;
    };

export function useGenerate(bridge: PikaBridge, onCreated: (task: TrackedTask) => void) {
  const [state, setState] = useState<SendState>({ phase: 'idle' });
  const busy = useRef(false);

  const send = useCallback(
    async (request: GenerateRequest): Promise<void> => {
      if (busy.current) return;
      busy.current = true;
      setState({ phase: 'sending' });
      let outcome: GenerateOutcome;
      try {
        outcome = await bridge.generate.create(request, newRequestId());
      } catch {
        // The call itself broke (IPC): main may have sent the POST, so this is not a refusal.
        outcome = { outcome: 'unknown', message: messages().newVideo.lostAnswer };
      }
      busy.current = false;
      if (outcome.outcome === 'created') {
        setState({ phase: 'idle' });
        onCreated(outcome.task);
      } else if (outcome.outcome === 'rejected') {
        setState({
          phase: 'rejected',
          kind: outcome.kind,
          message: outcome.message,
          field: outcome.field ?? null,
          ...(outcome.topUpUrl ? { topUpUrl: outcome.topUpUrl } : {}),
        });
      } else {
        setState({ phase: 'unknown', message: outcome.message });
      }
    },
    [bridge, onCreated],
  );

  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, send, reset };
}
