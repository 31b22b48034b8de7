import type { LibraryDefinition } from './libraryRegistry';
import type { JsonSchema } from './schema/buildSchema';

/**
 * Parameter schemas of the hooks libraries ISC ships (the eight in Debian's kea-common),
 * written from Kea's documentation of each library. Descriptions are ours.
 */
const noParameters: JsonSchema = {
  type: 'object',
  description: 'This library takes no parameters.',
  properties: {},
  additionalProperties: false,
};

const dhcpDaemons = ['dhcp4', 'dhcp6'] as const;

const tlsKeys: Record<string, JsonSchema> = {
  'trust-anchor': { type: 'string', description: 'CA file or directory trusted for TLS.' },
  'cert-file': { type: 'string', description: 'Certificate presented on TLS connections.' },
  'key-file': { type: 'string', description: 'Private key of that certificate.' },
  'require-client-certs': {
    type: 'boolean',
    description: 'Ask the partner for a certificate on incoming TLS connections.',
  },
};

const haPeer: JsonSchema = {
  type: 'object',
  required: ['name', 'url', 'role'],
  properties: {
    name: { type: 'string', description: 'Server name of the peer, unique in the setup.' },
    url: { type: 'string', description: 'URL where the peer accepts HA commands.' },
    role: {
      enum: ['primary', 'secondary', 'standby', 'backup'],
      description: 'Role of the peer in the HA relationship.',
    },
    'auto-failover': {
      type: 'boolean',
      description: 'Take over automatically when this peer fails.',
    },
    'basic-auth-user': { type: 'string', description: 'User for basic HTTP auth to the peer.' },
    'basic-auth-password': { type: 'string', description: 'Password for basic HTTP auth.' },
    'basic-auth-password-file': { type: 'string', description: 'File holding that password.' },
    ...tlsKeys,
  },
  additionalProperties: false,
};

const haRelationship: JsonSchema = {
  type: 'object',
  required: ['this-server-name', 'mode', 'peers'],
  properties: {
    'this-server-name': { type: 'string', description: 'Which of the peers this server is.' },
    mode: {
      enum: ['load-balancing', 'hot-standby', 'passive-backup'],
      description: 'How the servers share the work.',
    },
    'heartbeat-delay': { type: 'integer', description: 'Milliseconds between heartbeats.' },
    'max-response-delay': {
      type: 'integer',
      description: 'Milliseconds without contact before the partner counts as down.',
    },
    'max-ack-delay': {
      type: 'integer',
      description: 'Milliseconds a client may wait unanswered before it counts as unacked.',
    },
    'max-unacked-clients': {
      type: 'integer',
      description: 'Unacked clients needed to declare the partner down.',
    },
    'max-rejected-lease-updates': {
      type: 'integer',
      description: 'Rejected lease updates tolerated before HA stops (0: no limit).',
    },
    'send-lease-updates': { type: 'boolean', description: 'Send lease updates to the partner.' },
    'sync-leases': { type: 'boolean', description: 'Fetch leases from the partner at startup.' },
    'sync-timeout': { type: 'integer', description: 'Milliseconds allowed for the lease sync.' },
    'sync-page-limit': { type: 'integer', description: 'Leases fetched per sync request.' },
    'delayed-updates-limit': {
      type: 'integer',
      description: 'Lease updates queued while the partner is unreachable.',
    },
    'wait-backup-ack': {
      type: 'boolean',
      description: 'Wait for backup servers to acknowledge lease updates.',
    },
    'restrict-commands': {
      type: 'boolean',
      description: 'Accept only HA commands on the HA port.',
    },
    ...tlsKeys,
    'multi-threading': {
      type: 'object',
      description: 'HA traffic on its own threads and listener.',
      properties: {
        'enable-multi-threading': { type: 'boolean', description: 'Use HA threads.' },
        'http-dedicated-listener': {
          type: 'boolean',
          description: 'Listen for the partner on a socket of our own, not through the agent.',
        },
        'http-listener-threads': { type: 'integer', description: 'Threads of that listener.' },
        'http-client-threads': { type: 'integer', description: 'Threads sending to the partner.' },
      },
      additionalProperties: false,
    },
    peers: { type: 'array', items: haPeer, minItems: 1, description: 'Every server of the setup.' },
    'state-machine': {
      type: 'object',
      description: 'Pause the HA state machine in chosen states.',
      properties: {
        states: {
          type: 'array',
          items: {
            type: 'object',
            required: ['state'],
            properties: {
              state: { type: 'string', description: 'HA state name.' },
              pause: { enum: ['always', 'never', 'once'], description: 'When to pause there.' },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

const flexOption: JsonSchema = {
  type: 'object',
  required: ['code'],
  properties: {
    code: { type: 'integer', description: 'Code of the option to act on.' },
    name: { type: 'string', description: 'Name of the option (instead of or with code).' },
    space: { type: 'string', description: 'Option space of the option.' },
    add: { type: 'string', description: 'Expression; adds the option when absent.' },
    supersede: { type: 'string', description: 'Expression; sets the option, replacing it.' },
    remove: { type: 'string', description: 'Boolean expression; removes the option when true.' },
    'csv-format': { type: 'boolean', description: 'Parse the expression result as option text.' },
    'client-class': { type: 'string', description: 'Act only for clients in this class.' },
    'sub-options': { type: 'array', items: { type: 'object' }, description: 'Sub-option actions.' },
    comment: { type: 'string', description: 'Free text.' },
  },
  additionalProperties: false,
};

export const KEA_LIBRARIES: readonly LibraryDefinition[] = [
  {
    fileName: 'libdhcp_lease_cmds.so',
    title: 'Lease Commands',
    description: 'Commands to list, add, change and delete leases over the control channel.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: {
      type: 'object',
      properties: {
        'binding-variables': {
          type: 'array',
          description: 'Kea 3.x: values computed per lease and stored in its user context.',
          items: { type: 'object' },
        },
      },
      additionalProperties: false,
    },
  },
  {
    fileName: 'libdhcp_stat_cmds.so',
    title: 'Statistics Commands',
    description: 'Commands that report lease statistics per subnet.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: noParameters,
  },
  {
    fileName: 'libdhcp_bootp.so',
    title: 'BOOTP',
    description: 'Lets kea-dhcp4 answer BOOTP clients (RFC 951) with permanent leases.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: noParameters,
  },
  {
    fileName: 'libdhcp_mysql_cb.so',
    title: 'MySQL Configuration Backend',
    description: 'Stores server configuration in MySQL; enabled through config-control.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: noParameters,
  },
  {
    fileName: 'libdhcp_pgsql_cb.so',
    title: 'PostgreSQL Configuration Backend',
    description: 'Stores server configuration in PostgreSQL; enabled through config-control.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: noParameters,
  },
  {
    fileName: 'libdhcp_flex_option.so',
    title: 'Flexible Option',
    description: 'Adds, replaces or removes options in responses using client class expressions.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: {
      type: 'object',
      required: ['options'],
      properties: {
        options: { type: 'array', items: flexOption, description: 'Option actions, in order.' },
      },
      additionalProperties: false,
    },
    missingParameterMessages: { options: "'options' parameter is mandatory" },
  },
  {
    fileName: 'libdhcp_run_script.so',
    title: 'Run Script',
    description: 'Runs an external script with lease details at lease events.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', description: 'Absolute path of the script to run.' },
        sync: {
          type: 'boolean',
          description: 'Wait for the script to finish (only false is supported).',
        },
      },
      additionalProperties: false,
    },
    missingParameterMessages: { name: "The 'name' parameter is mandatory" },
  },
  {
    fileName: 'libdhcp_ha.so',
    title: 'High Availability',
    description: 'Pairs two or more servers for load balancing, hot standby or backup.',
    multiThreadingCompatible: true,
    daemons: dhcpDaemons,
    parametersSchema: {
      type: 'object',
      required: ['high-availability'],
      properties: {
        'high-availability': {
          type: 'array',
          minItems: 1,
          items: haRelationship,
          description: 'HA relationships (Kea 2.2: exactly one).',
        },
      },
      additionalProperties: false,
    },
    missingParameterMessages: {
      'high-availability':
        'HA_MISSING_CONFIGURATION high-availability parameter not specified for High Availability hooks library',
    },
  },
];
