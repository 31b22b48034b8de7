import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTraceService, workerPort } from './createTraceService';
import { recordDataScopeTrace } from './recordTrace';

/** A worker whose script never loads: it only ever reports an error. */
class BrokenWorker {
  private readonly errorListeners: (() => void)[] = [];
  posted = 0;
  terminated = false;
  addEventListener(type: string, listener: () => void) {
    if (type === 'error') this.errorListeners.push(listener);
  }
  postMessage() {
    this.posted += 1;
    setTimeout(() => {
      for (const listener of this.errorListeners) listener();
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('createTraceService', () => {
  it('answers from the page when the worker cannot start, asking again what was asked', async () => {
    const workers: BrokenWorker[] = [];
    vi.stubGlobal(
      'Worker',
      class extends BrokenWorker {
        constructor() {
          super();
          workers.push(this);
        }
      },
    );
    const service = createTraceService(workerPort);
    const opened = await service.open(recordDataScopeTrace('configured'));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted).toBe(1);
    expect(workers[0]!.terminated).toBe(true);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.trace.columns.calloutCount).toBe(6);
    expect((await service.detail(opened.trace.id, 5)).event.callout).toBe('putopt');
    expect(workers[0]!.posted).toBe(1);
  });

  it('keeps recent details, and forgets them with their trace', async () => {
    const service = createTraceService();
    const opened = await service.open(recordDataScopeTrace('configured'));
    if (!opened.ok) throw new Error(opened.error);
    const first = service.detail(opened.trace.id, 2);
    expect(service.detail(opened.trace.id, 2)).toBe(first);
    service.close(opened.trace.id);
    await expect(service.detail(opened.trace.id, 2)).rejects.toThrow(/no open trace/);
  });
});
