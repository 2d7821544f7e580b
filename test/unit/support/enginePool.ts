// Worker threads that run the engine for the robustness tests (see worker.ts), each job under a
// time bound: a worker that overruns is terminated, so a hang or a blow-up fails one test instead
// of stalling the run.
//
// `new Worker('worker.ts', { execArgv: ['--import', 'tsx'] })` fails on Node 20 with
// ERR_UNKNOWN_FILE_EXTENSION (the worker's entry is loaded before tsx's hooks), so each worker is
// an eval'd CommonJS stub that registers tsx's require hook and then requires worker.ts.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './worker';

const workerFile = join(__dirname, 'worker.ts');
const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\nrequire(${JSON.stringify(workerFile)});`;

export class JobTimeout extends Error {}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

interface Pending {
  job: Job;
  timeoutMs: number;
  resolve: (result: JobResult & { wallMs: number }) => void;
  reject: (error: Error) => void;
}

export class EnginePool {
  private readonly slots: (Slot | null)[];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /** `memoryMb`: a worker whose heap grows past this dies (ERR_WORKER_OUT_OF_MEMORY) instead of the test run. */
  constructor(
    size: number,
    private readonly memoryMb = 2048,
  ) {
    this.slots = Array.from({ length: size }, () => null);
  }

  /** Runs a job on the next free worker; rejects with JobTimeout when it takes longer than `timeoutMs`. */
  run(job: Job, timeoutMs: number): Promise<JobResult & { wallMs: number }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot?.worker.terminate() ?? Promise.resolve(0)));
  }

  private spawn(): Slot {
    const worker = new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return { worker, ready, busy: false };
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const index = this.slots.findIndex((s) => s === null || !s.busy);
      if (index < 0) return;
      const slot = (this.slots[index] ??= this.spawn());
      slot.busy = true;
      const pending = this.queue.shift()!;
      void this.dispatch(index, slot, pending);
    }
  }

  private async dispatch(index: number, slot: Slot, { job, timeoutMs, resolve, reject }: Pending): Promise<void> {
    try {
      await slot.ready;
    } catch (error) {
      this.slots[index] = null;
      reject(error as Error);
      this.pump();
      return;
    }
    const id = this.nextId++;
    const started = performance.now();
    const { worker } = slot;
    let settled = false;
    const finish = (replace: boolean, done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (replace) {
        this.slots[index] = null;
        void worker.terminate();
      } else {
        slot.busy = false;
      }
      done();
      this.pump();
    };
    const onMessage = (m: { id?: number; result?: JobResult }) => {
      if (m.id === id) finish(false, () => resolve({ ...m.result!, wallMs: performance.now() - started }));
    };
    const onError = (error: Error) => finish(true, () => reject(error));
    const onExit = (code: number) => finish(true, () => reject(new Error(`worker exited with code ${code}`)));
    const timer = setTimeout(
      () =>
        finish(true, () =>
          reject(new JobTimeout(`still running after ${timeoutMs} ms: terminated (a hang or a super-linear blow-up)`)),
        ),
      timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, job });
  }
}
