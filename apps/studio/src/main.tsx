import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import workerUrl from './sandbox/sandbox.worker?worker&url';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('hookscope: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App workerUrl={workerUrl} />
  </StrictMode>,
);
