import { performance } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';

/** What one measured run cost: wall and CPU time, the sampled peak V8 heap, the OS's peak RSS. */
export interface Cost {
  ms: number;
  /** Process-wide, the compressor's threads included. */
  cpuMs: number;
  peakHeapMB: number;
  /**
   * The largest heap left after a full collection (mark-compact) during the run: what was really
   * held then, the garbage not counted; null when no full collection ran.
   */
  liveHeapMB: number | null;
  maxRssMB: number;
}

/** MB with one decimal (MiB, as the benches have always printed them). */
export const megabytes = (bytes: number): number => Math.round(bytes / 104_857.6) / 10;

/**
 * Starts measuring: the heap is sampled every 25 ms (heapUsed, garbage not yet collected included)
 * and V8's GC profiler records the heap before and after each collection (so the peak includes the
 * heap just before each one, which a sample may miss); `stop()` samples once more and answers the
 * cost since the start.
 */
export function startSampler(): { stop(): Cost } {
  const gcs = new GCProfiler();
  gcs.start();
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
      let live: number | null = null;
      for (const gc of gcs.stop()?.statistics ?? []) {
        peakHeap = Math.max(peakHeap, gc.beforeGC.heapStatistics.usedHeapSize);
        if (gc.gcType === 'MarkSweepCompact') live = Math.max(live ?? 0, gc.afterGC.heapStatistics.usedHeapSize);
      }
      return {
        ms: Math.round(ms),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        peakHeapMB: megabytes(peakHeap),
        liveHeapMB: live === null ? null : megabytes(live),
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
      };
    },
  };
}
