import type { CalloutHandle } from '@hookscope/engine';
import type { ServerCore } from './serverCore';

/**
 * A hook point on the query's handle (created here at the latest), as Kea's servers call them
 * (R58): the arguments are set on a cleared handle, the callouts run, `readBack` reads what
 * the server takes back, the arguments are cleared again. Without callouts only an observer
 * hears of the hook point. Returns the status the callouts left (CONTINUE without callouts).
 */
export function callQueryHook(
  server: ServerCore,
  ex: { handle: CalloutHandle | undefined },
  hook: number,
  setArguments: (handle: CalloutHandle) => void,
  readBack?: (handle: CalloutHandle) => void,
): number {
  const d = server.driver;
  const handle = server.handleOf(ex);
  if (!d.present(hook)) {
    d.reached(hook, handle);
    return 0;
  }
  handle.deleteAllArguments();
  setArguments(handle);
  d.call(hook, handle);
  const status = handle.getStatus();
  readBack?.(handle);
  handle.deleteAllArguments();
  return status;
}
