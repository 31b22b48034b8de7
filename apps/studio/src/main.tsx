import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import builtWorkerUrl from './sandbox/sandbox.worker?worker&url';
import './styles.css';

// In dev the worker module cannot run from a blob (see sandboxWorkerDevPlugin): use the bundle.
const workerUrl = import.meta.env.DEV ? '/@hookscope/sandbox-worker.js' : builtWorkerUrl;

const root = document.getElementById('root');
if (!root) throw new Error('hookscope: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App workerUrl={workerUrl} />
  </StrictMode>,
);
