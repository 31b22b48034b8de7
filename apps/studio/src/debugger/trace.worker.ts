// The trace host in a module worker (bundled by Vite with the page: works offline). The page
// talks to it through createTraceService.
import { createTraceHost } from './createTraceHost';
import type { TraceReplyMessage, TraceRequestMessage } from './traceProtocol';

interface WorkerScope {
  postMessage(message: TraceReplyMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const host = createTraceHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.addEventListener('message', (event) => {
  void host.handle(event.data as TraceRequestMessage);
});
