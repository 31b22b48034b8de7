import type { RequestKind, TraceRequest } from './types';

/** Guesses what started a handle that no `beginRequest` announced, from its first hook. */
export function guessRequestKind(hook: string): RequestKind {
  if (hook.startsWith('$') || hook === 'command_processed') return 'command';
  if (/^dhcp[46]_srv_configured$|^cb[46]_updated$/.test(hook)) return 'config';
  if (/^lease[46]_(expire|recover)$/.test(hook)) return 'timer';
  return 'packet';
}

/**
 * Internal to the recorder: the requests and which one is open. The recorder keeps each callout
 * handle's request with the handle, for life, so a packet parked in one request and resumed
 * later still shows there.
 */
export function createRequestTracker() {
  const requests: TraceRequest[] = [];
  // Open requests, innermost last. A begin of the same kind inside an open request is the same
  // unit of work announced twice (a host wrapping `server.receive` in its own request while
  // the server announces the packet too): it joins the open request, counted in `depth`.
  const open: { id: number; kind: RequestKind; depth: number }[] = [];
  let nextId = 1;

  const add = (kind: RequestKind, summary: string): number => {
    const id = nextId++;
    requests.push({ id, kind, summary });
    return id;
  };

  return {
    begin(kind: RequestKind, summary: string): number {
      const top = open[open.length - 1];
      if (top && top.kind === kind) {
        top.depth += 1;
        return top.id;
      }
      const id = add(kind, summary);
      open.push({ id, kind, depth: 0 });
      return id;
    },
    end(): void {
      const top = open[open.length - 1];
      if (top && top.depth > 0) top.depth -= 1;
      else open.pop();
    },
    current(): number | undefined {
      return open[open.length - 1]?.id;
    },
    setSummary(id: number, summary: string): void {
      const request = requests.find((r) => r.id === id);
      if (request) request.summary = summary;
    },
    /** A request of its own for something seen outside any open request. */
    implicit(hook: string): number {
      return add(guessRequestKind(hook), hook);
    },
    /** The request a handle first seen now belongs to: the open one, else one of its own. The
     * caller keeps the answer with the handle (a handle keeps its request for life). */
    assign(hook: string): number {
      return open[open.length - 1]?.id ?? add(guessRequestKind(hook), hook);
    },
    list(): TraceRequest[] {
      return requests.map((request) => ({ ...request }));
    },
  };
}
