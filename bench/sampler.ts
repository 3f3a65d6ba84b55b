import { performance } from 'node:perf_hooks';

/** What one measured run cost: wall and CPU time, the sampled peak V8 heap, the OS's peak RSS. */
export interface Cost {
  ms: number;
  /** Process-wide, the compressor's threads included. */
  cpuMs: number;
  peakHeapMB: number;
  maxRssMB: number;
}

/** MB with one decimal (MiB, as the benches have always printed them). */
export const megabytes = (bytes: number): number => Math.round(bytes / 104_857.6) / 10;

/**
 * Starts measuring: the heap is sampled every 25 ms (heapUsed, garbage not yet collected included);
 * `stop()` samples once more and answers the cost since the start.
 */
export function startSampler(): { stop(): Cost } {
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 25);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  return {
    stop() {
      const cpu = process.cpuUsage(cpu0);
      const ms = performance.now() - t0;
      sample();
      clearInterval(timer);
      return {
        ms: Math.round(ms),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        peakHeapMB: megabytes(peakHeap),
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
      };
    },
  };
}
