import type { ServerCore } from '../serverCore';
import type { CommandAnswer, ControlCommand } from '../types';

export type CommandHandler = (server: ServerCore, args: unknown) => CommandAnswer;

const ok = (text?: string, args?: unknown): CommandAnswer => {
  const answer: CommandAnswer = { result: 0 };
  if (text !== undefined) answer.text = text;
  if (args !== undefined) answer.arguments = args;
  return answer;
};
const error = (text: string): CommandAnswer => ({ result: 1, text });

function argMap(args: unknown): Record<string, unknown> | undefined {
  return typeof args === 'object' && args !== null && !Array.isArray(args)
    ? (args as Record<string, unknown>)
    : undefined;
}

function familyLabel(server: ServerCore): string {
  return server.family === 'dhcp4' ? 'DHCPv4' : 'DHCPv6';
}

function topKey(server: ServerCore): string {
  return server.family === 'dhcp4' ? 'Dhcp4' : 'Dhcp6';
}

/** The built-in commands of a Kea 2.2 kea-dhcp4 / kea-dhcp6 (libreload only where it exists). */
export const BUILTIN_COMMANDS: Record<string, CommandHandler> = {
  'build-report': (s) =>
    ok(`hookscope simulated Kea ${s.keaVersion}: memfile lease backend, no database backends`),
  'config-backend-pull': () => ok('No config backend.'),
  'config-get': (s) =>
    s.configSource === undefined ? error('no configuration') : ok(undefined, s.configSource),
  'config-reload': (s) => {
    if (s.configSource === undefined) return error('Config reload failed: no configuration file');
    s.reloadCount++;
    const answer = s.configureFrom(s.configSource, false);
    return answer.result === 0 ? answer : error(`Config reload failed: ${answer.text ?? ''}`);
  },
  'config-set': (s, args) => {
    const map = argMap(args);
    if (!map) return error("Missing mandatory 'arguments' parameter.");
    if (map[topKey(s)] === undefined) return error(`Missing mandatory '${topKey(s)}' parameter.`);
    return s.configureFrom(map);
  },
  'config-test': (s, args) => s.testConfig(args),
  'config-write': (s, args) => {
    const map = argMap(args) ?? {};
    const filename =
      typeof map.filename === 'string' ? map.filename : `/etc/kea/kea-${s.family}.conf`;
    const text = `${JSON.stringify(s.configSource ?? {}, undefined, 2)}\n`;
    s.writtenFiles.set(filename, text);
    s.options.observer?.fileWrite?.(filename, 'write', text);
    return ok(`Configuration written to ${filename} successfully`, { filename, size: text.length });
  },
  'dhcp-disable': (s, args) => {
    const map = argMap(args) ?? {};
    const period = map['max-period'];
    if (period !== undefined && (typeof period !== 'number' || period <= 0)) {
      return error("'max-period' must be positive integer");
    }
    s.networkState.enabled = false;
    s.networkState.reenableAt = typeof period === 'number' ? s.nowSeconds() + period : undefined;
    return ok('DHCPv4 service disabled'.replace('DHCPv4', familyLabel(s)));
  },
  'dhcp-enable': (s) => {
    s.networkState.enabled = true;
    s.networkState.reenableAt = undefined;
    return ok('DHCP service successfully enabled');
  },
  'leases-reclaim': (s, args) => {
    const map = argMap(args);
    if (!map) return error("Missing mandatory 'remove' parameter.");
    if (typeof map.remove !== 'boolean')
      return error("'remove' parameter expected to be a boolean.");
    s.reclaimExpired(map.remove, true);
    return ok('Reclamation of expired leases is complete.');
  },
  libreload: (s) => {
    const libraries = s.libraryInfo();
    if (!s.driver.manager.loadLibraries(libraries, s.config?.multiThreading ?? false)) {
      return error('Failed to reload hooks libraries.');
    }
    return ok('Hooks libraries successfully reloaded.');
  },
  'list-commands': (s) => ok(undefined, s.commandNames()),
  'server-tag-get': () => ok(undefined, { 'server-tag': '' }),
  shutdown: (s) => {
    s.requestShutdown();
    return ok('Shutting down.');
  },
  'statistic-get': (s, args) => {
    const name = argMap(args)?.name;
    if (typeof name !== 'string') return error("Missing mandatory 'name' parameter.");
    return ok(undefined, s.stats.toElement(name));
  },
  'statistic-get-all': (s) => {
    const all: Record<string, unknown> = {};
    for (const name of s.stats.names()) Object.assign(all, s.stats.toElement(name));
    return ok(undefined, all);
  },
  'statistic-remove': (s, args) => {
    const name = argMap(args)?.name;
    if (typeof name !== 'string') return error("Missing mandatory 'name' parameter.");
    return s.stats.remove(name)
      ? ok(`Statistic '${name}' removed.`)
      : error(`No '${name}' statistic found`);
  },
  'statistic-remove-all': (s) => {
    s.stats.removeAll();
    return ok('All statistics removed.');
  },
  'statistic-reset': (s, args) => {
    const name = argMap(args)?.name;
    if (typeof name !== 'string') return error("Missing mandatory 'name' parameter.");
    return s.stats.reset(name)
      ? ok(`Statistic '${name}' reset.`)
      : error(`No '${name}' statistic found`);
  },
  'statistic-reset-all': (s) => {
    s.stats.resetAll();
    return ok('All statistics reset to neutral values.');
  },
  'statistic-sample-age-set': () => ok('Statistic sample age set.'),
  'statistic-sample-age-set-all': () => ok('All statistics duration limit are set.'),
  'statistic-sample-count-set': () => ok('Statistic sample count set.'),
  'statistic-sample-count-set-all': () => ok('All statistics count limit are set.'),
  'status-get': (s) =>
    ok(undefined, {
      'multi-threading-enabled': s.config?.multiThreading ?? false,
      pid: 1,
      reload: Math.floor((s.nowMs() - s.startedAt) / 1000),
      sockets: { status: 'ready' },
      uptime: Math.floor((s.nowMs() - s.startedAt) / 1000),
    }),
  'version-get': (s) => ok(s.keaVersion, { extended: `${s.keaVersion} (simulated by hookscope)` }),
};

export function builtinCommandNames(libreload: boolean): string[] {
  return Object.keys(BUILTIN_COMMANDS).filter((name) => libreload || name !== 'libreload');
}

export type { ControlCommand };
