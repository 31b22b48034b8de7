import { beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, type HooksLogRecord } from '../src/hooksLog';
import { HooksManager } from '../src/hooksManager';
import { KEA_HOOKS_VERSION } from '../src/keaVersion';
import { Logger } from '../src/logger';
import { ServerHooks } from '../src/serverHooks';
import * as loggingLibrary from './libraries/loggingLibrary';
import { resetTestBuild } from './libraries/testBuild';

beforeEach(() => resetTestBuild());

function managerWithLog(records: HooksLogRecord[], name: string) {
  const serverHooks = new ServerHooks();
  serverHooks.registerHook('alpha');
  const manager = new HooksManager({
    serverHooks,
    resolveLibrary: () => loggingLibrary,
    logger: {
      log: (r) => records.push(r),
      isEnabled: (logger, severity, level) =>
        !(logger === 'log-lib' && severity === 'DEBUG' && (level ?? 0) > 50) &&
        !(logger !== 'log-lib' && severity === 'DEBUG'),
    },
  });
  manager.loadLibraries([{ library: `/lib/${name}.so` }]);
  return { manager, alpha: serverHooks.getIndex('alpha') };
}

const libraryRecords = (records: HooksLogRecord[]) =>
  records
    .filter((r) => r.logger === 'log-lib')
    .map((r) => [r.severity, r.debuglevel, r.id, r.text]);

describe('Logger for libraries', () => {
  it('records carry logger name, severity, debug level, id and the filled template', () => {
    const records: HooksLogRecord[] = [];
    const { manager, alpha } = managerWithLog(records, 'logging');
    const handle = manager.createCalloutHandle();
    manager.callCallouts(alpha, handle);
    expect(libraryRecords(records)).toEqual([
      ['INFO', undefined, 'LOGLIB_VERSION', ''],
      ['INFO', undefined, 'LOGLIB_LOADED', 'log-lib loaded with x and 42'],
      ['DEBUG', 40, 'LOGLIB_CALLED', 'callout on alpha'],
      ['WARN', undefined, 'LOGLIB_UNKNOWN', 'a b'],
    ]);
    expect(records.find((r) => r.id === 'LOGLIB_LOADED')?.args).toEqual(['x', '42']);
  });

  it('records go to the manager calling into the library; outside any call they are dropped', () => {
    const first: HooksLogRecord[] = [];
    const second: HooksLogRecord[] = [];
    const a = managerWithLog(first, 'a');
    const b = managerWithLog(second, 'b');
    const before = [first.length, second.length];
    b.manager.callCallouts(b.alpha, b.manager.createCalloutHandle());
    expect(first.length).toBe(before[0]);
    expect(second.length).toBe((before[1] ?? 0) + 2);
    a.manager.callCallouts(a.alpha, a.manager.createCalloutHandle());
    expect(first.length).toBe((before[0] ?? 0) + 2);
    loggingLibrary.logOutsideAnyCall();
    expect(first.length).toBe((before[0] ?? 0) + 2);
    expect(second.length).toBe((before[1] ?? 0) + 2);
  });

  it('debug levels are clamped to 0..99 and filtered by the server logger', () => {
    const records: HooksLogRecord[] = [];
    const logger = new Logger('log-lib');
    const manager = new HooksManager({
      resolveLibrary: () => ({
        version: () => KEA_HOOKS_VERSION,
        load: () => {
          logger.debug(-5, 'LOW');
          logger.debug(500, 'HIGH');
          logger.fatal('BAD', 1);
          logger.error('ERR');
          records.push({
            severity: 'INFO',
            logger: 'probe',
            id: String(logger.isDebugEnabled(10)),
            args: [],
            text: String(logger.isDebugEnabled(60)),
          });
          return 0;
        },
      }),
      logger: {
        log: (r) => records.push(r),
        isEnabled: (name, severity, level) =>
          name !== 'log-lib' || severity !== 'DEBUG' || (level ?? 0) <= 50,
      },
    });
    manager.loadLibraries([{ library: '/x' }]);
    const mine = records.filter((r) => r.logger === 'log-lib' || r.logger === 'probe');
    expect(mine.map((r) => [r.id, r.debuglevel ?? null, r.severity, r.text])).toEqual([
      ['LOW', 0, 'DEBUG', ''],
      ['BAD', null, 'FATAL', '1'],
      ['ERR', null, 'ERROR', ''],
      ['true', null, 'INFO', 'false'],
    ]);
    expect(logger.isDebugEnabled()).toBe(false);
  });

  it('fillTemplate replaces %1..%n and appends arguments the template does not use', () => {
    expect(fillTemplate('a %2 b %1', ['x', 'y'])).toBe('a y b x');
    expect(fillTemplate('only %1', ['x', 'y'])).toBe('only x y');
    expect(fillTemplate('missing %3', ['x'])).toBe('missing %3 x');
  });
});
