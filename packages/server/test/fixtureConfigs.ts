// Our own server configurations for the scenarios copied into fixtures/ (captures and traces
// only come from the corpus). They describe the same networks the recorded Kea served: one
// subnet on the test link, the recording library as the only hooks library.
const RECORDER = '/usr/lib/hookscope/recorder.so';

function v4(
  tag: string,
  extra: Record<string, unknown> = {},
  recorder: Record<string, unknown> = {},
) {
  return {
    Dhcp4: {
      'interfaces-config': { interfaces: ['kosrv0'] },
      'lease-database': { type: 'memfile', persist: false },
      'valid-lifetime': 4000,
      'renew-timer': 1000,
      'rebind-timer': 2000,
      subnet4: [
        {
          id: 1,
          subnet: '192.0.2.0/24',
          interface: 'kosrv0',
          pools: [{ pool: '192.0.2.100-192.0.2.199' }],
        },
      ],
      'hooks-libraries': [
        { library: RECORDER, parameters: { output: `/tmp/${tag}.jsonl`, tag, ...recorder } },
      ],
      ...extra,
    },
  };
}

export const FIXTURE_CONFIGS: Record<string, unknown> = {
  'v4-dora-renew-rebind-release': v4('dora'),
  'v4-status-skip-pkt4-send': v4('skip-send', {}, { set_status: { pkt4_send: 'skip' } }),
  'v4-decline-recover': v4('decline', {
    'decline-probation-period': 2,
    'expired-leases-processing': { 'reclaim-timer-wait-time': 1 },
  }),
  'v6-prefix-delegation': {
    Dhcp6: {
      'interfaces-config': { interfaces: ['kosrv0'] },
      'server-id': { type: 'EN', 'enterprise-id': 2495, identifier: '0123456789' },
      'preferred-lifetime': 3000,
      'valid-lifetime': 4000,
      'renew-timer': 1000,
      'rebind-timer': 2000,
      subnet6: [
        {
          id: 1,
          subnet: '2001:db8:1::/64',
          interface: 'kosrv0',
          pools: [{ pool: '2001:db8:1::100-2001:db8:1::1ff' }],
          'pd-pools': [{ prefix: '2001:db8:8000::', 'prefix-len': 48, 'delegated-len': 56 }],
        },
      ],
      'hooks-libraries': [
        { library: RECORDER, parameters: { output: '/tmp/pd.jsonl', tag: 'pd' } },
      ],
    },
  },
};
