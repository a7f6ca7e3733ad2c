import type { Logger } from '../log';

/**
 * Runs `fn` every `intervalMs` without overlap (the next run is timed from the end of the last),
 * until stopped. A failing run is logged and the loop goes on: the work is persistent, so the
 * next run picks up what this one could not do.
 */
export class Loop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  /** When the pending timer fires (ms since epoch); a wake-up sooner than that replaces it. */
  private dueAt = 0;
  /** A wake-up came during a run: run again as soon as it ends. */
  private rerun = false;

  /**
   * `nextDelay` may shorten the wait after a run (never lengthen it): the runner's soonest retry.
   */
  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly fn: () => Promise<unknown>,
    private readonly log: Logger,
    private readonly nextDelay?: (result: unknown) => number | undefined,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs as soon as possible (after the run in progress, if any). No effect when stopped. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.dueAt <= Date.now()) return; // already about to run
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Stops the loop and waits for a run in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.dueAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rerun = false;
      let next = this.intervalMs;
      this.running = this.fn()
        .then((result) => {
          const soon = this.nextDelay?.(result);
          if (typeof soon === 'number' && Number.isFinite(soon)) next = Math.min(next, Math.max(0, soon));
        })
        .catch((err: unknown) => this.log.error({ err, loop: this.name }, 'loop run failed'))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.rerun ? 0 : next);
        });
    }, delay);
    // Timers must not keep a stopping process alive.
    this.timer.unref();
  }
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
