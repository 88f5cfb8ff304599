/**
 * Preloaded into the server (node --import) by `--profile`: samples the CPU from start-up and
 * writes a .cpuprofile (open it in Chrome DevTools or speedscope) to $BENCH_CPU_PROFILE when the
 * process is told to stop. node's own --cpu-prof does not help here: Nest re-raises SIGTERM after its
 * shutdown hooks, which ends the process before --cpu-prof writes anything.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.BENCH_CPU_PROFILE;
if (file) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // On the main thread the inspector answers synchronously, so this finishes before the process ends.
    session.post('Profiler.stop', (err, result) => {
      if (err) console.error(`cpu profile: ${err.message}`);
      else writeFileSync(file, JSON.stringify(result.profile));
    });
  };
  // Before Nest's own listeners, which end the process; the server still shuts down as usual.
  process.prependListener('SIGTERM', write);
  process.prependListener('SIGINT', write);
  process.once('exit', write);
}
