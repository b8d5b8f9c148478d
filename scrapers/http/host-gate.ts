/**
 * Politeness: one request at a time per host, and at least `delayMs` between the end of one
 * request and the start of the next on that host. Different hosts proceed in parallel.
 */
export class HostGate {
  #tails = new Map<string, Promise<void>>();
  #lastEnd = new Map<string, number>();
  #delays = new Map<string, number>();
  #defaultDelayMs: number;
  #sleep: (ms: number) => Promise<void>;

  constructor(defaultDelayMs: number, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))) {
    this.#defaultDelayMs = defaultDelayMs;
    this.#sleep = sleep;
  }

  /** Raise a host's delay (robots Crawl-delay); never lowers it below the default. */
  setHostDelay(host: string, ms: number): void {
    this.#delays.set(host, Math.max(this.#defaultDelayMs, ms));
  }

  delayFor(host: string): number {
    return this.#delays.get(host) ?? this.#defaultDelayMs;
  }

  /** Run `task` when the host is free and rested. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.#tails.set(host, tail);
    await previous;
    try {
      const last = this.#lastEnd.get(host);
      if (last !== undefined) {
        const wait = last + this.delayFor(host) - Date.now();
        if (wait > 0) await this.#sleep(wait);
      }
      return await task();
    } finally {
      this.#lastEnd.set(host, Date.now());
      release();
      if (this.#tails.get(host) === tail) this.#tails.delete(host);
    }
  }
}
