/**
 * Work to run soon, in order per key, with at most `limit` tasks running at once: the processing of accepted
 * webhooks (one lane per sender, so a customer's second message is threaded after their first). A task's
 * failure is its own (it must catch): a lane goes on. In memory only: what is queued here is also a
 * 'received' row in the database, which the sweep processes if this process dies.
 */
export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly limit: number) {}

  /** Runs `task` after the earlier tasks of `key`; resolves when it has run (never rejects). */
  run(key: string, task: () => Promise<unknown>): Promise<void> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(() => this.inSlot(task));
    this.tails.set(key, next);
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return next;
  }

  /** Keys with work queued or running. */
  get busy(): number {
    return this.tails.size;
  }

  /** Resolves once everything queued so far (and what it queues) has run, or after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.tails.size > 0) {
      const left = until - Date.now();
      if (left <= 0) return false;
      await Promise.race([Promise.all(this.tails.values()), new Promise((r) => setTimeout(r, left).unref())]);
    }
    return true;
  }

  private async inSlot(task: () => Promise<unknown>): Promise<void> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the releaser hands its slot over
    try {
      await task();
    } catch {
      /* the task's own business */
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
