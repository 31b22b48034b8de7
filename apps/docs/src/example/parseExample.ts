import { DEFAULT_EXAMPLE_KEA_VERSION, type Example, type ExampleLibrary } from './example';

export class ExampleSyntaxError extends Error {
  override name = 'ExampleSyntaxError';
}

/**
 * Reads the text of a fenced `example` block:
 *
 * ```
 * id: tutorial
 * title: Classifying clients
 * family: dhcp4                       (default dhcp4)
 * kea: 3.3.1                          (default 3.3.1)
 * expect-hooks: pkt4_receive, pkt4_send
 * expect-libraries: /usr/local/lib/libtutorial.so
 * expect-configure: refused           (only when the server is expected to refuse the config)
 * --- config
 * { "Dhcp4": { … } }
 * --- library /usr/local/lib/libtutorial.so
 * export function pkt4_receive(handle) { … }
 * --- packets
 * discover 00:0c:01:02:03:04
 * ```
 *
 * Pure. @throws ExampleSyntaxError when the id, the config or the packets section is missing,
 * or a header line is not `key: value`.
 */
export function parseExample(text: string): Example {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headers = new Map<string, string>();
  const sections: { kind: string; arg: string; body: string[] }[] = [];
  for (const line of lines) {
    const marker = /^--- (config|library|packets)\s*(.*)$/.exec(line);
    if (marker) {
      sections.push({ kind: marker[1] ?? '', arg: (marker[2] ?? '').trim(), body: [] });
      continue;
    }
    const current = sections[sections.length - 1];
    if (current) {
      current.body.push(line);
      continue;
    }
    if (line.trim() === '') continue;
    const header = /^([a-z-]+):\s*(.*)$/.exec(line);
    if (!header) throw new ExampleSyntaxError(`example header line "${line}" is not "key: value"`);
    headers.set(header[1] ?? '', (header[2] ?? '').trim());
  }
  const id = headers.get('id');
  if (!id) throw new ExampleSyntaxError('an example needs an "id:" line');
  const body = (kind: string) => {
    const section = sections.find((s) => s.kind === kind);
    return section ? trimBlankEnds(section.body) : undefined;
  };
  const config = body('config');
  if (config === undefined) throw new ExampleSyntaxError(`example ${id} has no "--- config"`);
  const packets = body('packets');
  if (packets === undefined) throw new ExampleSyntaxError(`example ${id} has no "--- packets"`);
  const libraries: ExampleLibrary[] = sections
    .filter((s) => s.kind === 'library')
    .map((s) => {
      if (!s.arg) throw new ExampleSyntaxError(`example ${id}: "--- library" needs a path`);
      return { path: s.arg, source: trimBlankEnds(s.body) };
    });
  const family = headers.get('family') ?? 'dhcp4';
  if (family !== 'dhcp4' && family !== 'dhcp6') {
    throw new ExampleSyntaxError(`example ${id}: family must be dhcp4 or dhcp6`);
  }
  const hooks = headers.get('expect-hooks');
  const libs = headers.get('expect-libraries');
  const configure = headers.get('expect-configure');
  if (configure !== undefined && configure !== 'refused') {
    throw new ExampleSyntaxError(`example ${id}: expect-configure can only be "refused"`);
  }
  return {
    id,
    title: headers.get('title') ?? id,
    family,
    keaVersion: headers.get('kea') ?? DEFAULT_EXAMPLE_KEA_VERSION,
    config,
    libraries,
    packets,
    expect:
      hooks === undefined && libs === undefined
        ? undefined
        : {
            hooks: splitList(hooks),
            libraries: splitList(libs),
            ...(configure ? { configure } : {}),
          },
  };
}

function splitList(value: string | undefined): string[] {
  if (!value || value === '(none)') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function trimBlankEnds(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  return `${lines.slice(start, end).join('\n')}\n`;
}
