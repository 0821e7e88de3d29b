// The worker thread behind `ladder()` in test/helpers/cli.ts: it loads the built CLI once and runs
// each command line it is sent through `run` with injected streams, as `ladderInProcess` does with
// the source, then wakes the test, which waits for the answer synchronously.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';

// The built CLI is a CommonJS bundle.
const { run } = createRequire(import.meta.url)(workerData.cli);

const { port, signal } = workerData;
port.on('message', async ({ args, env, cwd, input }) => {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (chunk) => (stdout += chunk) },
    stderr: { write: (chunk) => (stderr += chunk) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: undefined,
    env,
    cwd,
    readStdin: () => Buffer.from(input),
  };
  let status;
  try {
    status = await run(args, io);
  } catch (error) {
    stderr += `cli-worker: run threw: ${error && error.stack}\n`;
    status = -1;
  }
  port.postMessage({ stdout, stderr, status });
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
