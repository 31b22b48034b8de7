import { hookNamesFor, keaFeatures, NEWEST_KEA_VERSION } from '@hookscope/server';
import type { ExampleFamily } from '../example/example';
import { getHookPointScenario, UNREACHED_HOOK_POINTS } from './hookPointScenarios';
import hookPointData from './hookPoints.json';

interface HookPointArgument {
  name: string;
  type: string;
  mode: string;
}
interface HookPointInfo {
  name: string;
  when: string;
  order: number | null;
  arguments: HookPointArgument[];
  skip: string | null;
  drop: string | null;
  park: string | null;
  since: string;
  messageTypes: string[];
}

const FRAMEWORK_HOOKS = ['context_create', 'context_destroy'];

/**
 * The hook points a family's simulated server registers (`hookNamesFor`, the list the server
 * itself uses, at the newest Kea release) with their reference data, in packet-path order.
 */
export function getHookPoints(family: ExampleFamily): HookPointInfo[] {
  const registered = new Set([
    ...hookNamesFor(family, keaFeatures(NEWEST_KEA_VERSION)),
    ...FRAMEWORK_HOOKS,
  ]);
  const all = (hookPointData.servers as Record<string, HookPointInfo[]>)[family] ?? [];
  return all.filter((p) => registered.has(p.name));
}

/** A docs page (Markdown) for the hook points of kea-dhcp4 or kea-dhcp6, one example each. */
export function generateHookPointPage(family: ExampleFamily): string {
  const v = family === 'dhcp4' ? '4' : '6';
  const points = getHookPoints(family);
  const out: string[] = [
    '---',
    `title: Hook points of kea-dhcp${v}`,
    `order: ${family === 'dhcp4' ? 90 : 91}`,
    '---',
    '',
    `# Hook points of kea-dhcp${v}`,
    '',
    `These are the hook points the simulated kea-dhcp${v} registers at Kea ${NEWEST_KEA_VERSION}, in`,
    'the order a query meets them, taken from the same table the server is built on. Each one has',
    'a small library with a single callout on it that logs the names of the arguments it was given:',
    'run it, then change the packets or the callout and run it again.',
    '',
    'Argument modes: **read-only** values are only for looking at; **modifiable** ones are',
    'objects the server keeps using, so changing them in place has an effect; **in/out** ones are',
    'read back after the callouts ran, so setting a new value with `setArgument` has an effect.',
    '',
    `On this page: ${points.map((p) => `[${p.name}](#${p.name})`).join(' · ')}`,
    '',
  ];
  for (const p of points) {
    out.push(`## ${p.name}`, '', p.when, '');
    out.push(
      `Since Kea ${p.since}.${p.messageTypes.length ? ` Reached for: ${p.messageTypes.join(', ')}.` : ''}`,
      '',
    );
    if (p.arguments.length) {
      out.push('| Argument | Type | Mode |', '|---|---|---|');
      for (const a of p.arguments) out.push(`| \`${a.name}\` | \`${a.type}\` | ${a.mode} |`);
      out.push('');
    } else out.push('No arguments: only the per-library context is meaningful here.', '');
    const statuses = (['skip', 'drop', 'park'] as const).filter((s) => p[s] !== null);
    if (statuses.length) {
      for (const s of statuses) out.push(`- **${s.toUpperCase()}**: ${p[s]}`);
      out.push('');
    } else out.push('The status a callout leaves here is not examined.', '');
    out.push(...exampleBlock(family, p, UNREACHED_HOOK_POINTS.get(p.name)), '');
  }
  return out.join('\n');
}

function exampleBlock(
  family: ExampleFamily,
  p: HookPointInfo,
  unreached: string | undefined,
): string[] {
  const scenario = getHookPointScenario(family, p.name);
  const path = `/usr/local/lib/libprobe-${p.name.replaceAll('_', '-')}.so`;
  const lines = [
    '```example',
    `id: hook-${p.name}-${family}`,
    `title: A callout on ${p.name}`,
    `family: ${family}`,
    `expect-hooks: ${unreached ? '(none)' : p.name}`,
    `expect-libraries: ${unreached ? '(none)' : path}`,
    '--- config',
    family === 'dhcp4'
      ? dhcp4Config(path, scenario.serverConfig)
      : dhcp6Config(path, scenario.serverConfig),
    `--- library ${path}`,
    probeSource(p.name),
    '--- packets',
    scenario.packets,
    '```',
  ];
  if (!unreached) return lines;
  const note = `> The simulated server does not reach ${p.name}: ${unreached}. The example loads a callout on it and shows that it is not called.`;
  return [note, '', ...lines];
}

function probeSource(hook: string): string {
  return `import { type CalloutHandle, KEA_HOOKS_VERSION, Logger } from '@hookscope/engine';

const logger = new Logger('probe', { PROBE_CALLED: '%1 called with arguments: %2' });

export function version(): number {
  return KEA_HOOKS_VERSION;
}

export function multi_threading_compatible(): number {
  return 1;
}

export function ${hook}(handle: CalloutHandle): number {
  const names = handle.getArgumentNames();
  logger.info('PROBE_CALLED', '${hook}', names.length ? names.join(', ') : '(none)');
  return 0;
}
`;
}

function dhcp4Config(path: string, extra: string | undefined): string {
  return `{
  "Dhcp4": {${extra ? `\n    ${extra}` : ''}
    "interfaces-config": { "interfaces": [ "eth0" ] },
    "valid-lifetime": 4000,
    "subnet4": [
      { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.200" } ] }
    ],
    "hooks-libraries": [ { "library": "${path}" } ]
  }
}`;
}

function dhcp6Config(path: string, extra: string | undefined): string {
  return `{
  "Dhcp6": {${extra ? `\n    ${extra}` : ''}
    "interfaces-config": { "interfaces": [ "eth0" ] },
    "valid-lifetime": 4000,
    "subnet6": [
      {
        "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0",
        "pools": [ { "pool": "2001:db8:1::10 - 2001:db8:1::ff" } ]
      }
    ],
    "hooks-libraries": [ { "library": "${path}" } ]
  }
}`;
}
