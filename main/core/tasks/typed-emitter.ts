// A small typed event emitter. Unlike node's EventEmitter, an 'error' event with nobody
// listening is not thrown, and a listener that throws cannot break the tracker's own work.

// Stored untyped; `on` is the only way in, so each listener matches its event.
type AnyListener = (...args: unknown[]) => void;

export class TypedEmitter<Events extends { [K in keyof Events]: unknown[] }> {
  readonly #listeners = new Map<keyof Events, Set<AnyListener>>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as AnyListener);
  }

  off<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): void {
    this.#listeners.get(event)?.delete(listener as AnyListener);
  }

  emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(...(args as unknown[]));
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
