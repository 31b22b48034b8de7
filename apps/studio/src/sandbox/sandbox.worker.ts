// The sandbox worker's entry. Vite bundles it into one file (`?worker&url`); the page fetches
// that file's text and hands it to the sandboxed iframe, which starts it from a blob URL.
import { createDefaultRuntime, startSandboxWorker, type WorkerScope } from '@hookscope/sandbox';

startSandboxWorker(self as unknown as WorkerScope, createDefaultRuntime);
