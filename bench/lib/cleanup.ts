/**
 * Clean-up actions run once, last-in first-out, whether the bench ends normally, fails, or is
 * interrupted (SIGINT/SIGTERM). Synchronous last resorts (killing a child) also run on process exit.
 */
type Action = { name: string; run: () => unknown };

export class Cleanup {
  private readonly actions: Action[] = [];
  private readonly onExit: Array<() => void> = [];
  private running?: Promise<void>;
  /** The signal that interrupted the bench, if one did (what fails afterwards is the clean-up's doing). */
  interruptedBy: NodeJS.Signals | null = null;

  /** An async action (drop a database, stop a server...). */
  add(name: string, run: () => unknown): void {
    this.actions.push({ name, run });
  }

  /** A synchronous action that must happen even if the process exits abruptly (process 'exit'). */
  addOnExit(run: () => void): void {
    this.onExit.push(run);
  }

  /** Runs every action once; errors are reported and do not stop the others. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.actions.length > 0) {
        const action = this.actions.pop()!;
        try {
          await action.run();
        } catch (err) {
          console.error(`clean-up "${action.name}" failed: ${(err as Error).message}`);
        }
      }
    })();
    return this.running;
  }

  /** Runs the clean-up on SIGINT/SIGTERM (then exits 130/143) and the synchronous ones on exit. */
  installHandlers(): void {
    process.once('exit', () => {
      for (const run of this.onExit) {
        try {
          run();
        } catch {
          /* last resort: nothing more to do */
        }
      }
    });
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.once(signal, () => {
        this.interruptedBy = signal;
        console.error(`\n${signal}: cleaning up...`);
        void this.runAll().finally(() => process.exit(code));
      });
    }
  }
}
