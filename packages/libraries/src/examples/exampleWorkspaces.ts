import { diagnosticsLibrary } from '../commands/diagnosticsLibrary';
import { sameKeyLibrary } from '../contextKey/sameKeyLibrary';
import { contextLifecycleLibrary } from '../contextLifecycle/contextLifecycleLibrary';
import { dataScopeLibrary1, dataScopeLibrary2 } from '../dataScope/dataScopeLibraries';
import { exactTypeLibrary } from '../exactType/exactTypeLibrary';
import { notThreadSafeLibrary } from '../multiThreading/notThreadSafeLibrary';
import { denyListLibrary } from '../nextStep/denyListLibrary';
import { fixedAddressLibrary } from '../nextStep/fixedAddressLibrary';
import { nonStandardNamesLibrary } from '../nonStandard/nonStandardNamesLibrary';
import { parametersLibrary } from '../parameters/parametersLibrary';
import { tutorialLibrary } from '../tutorial/tutorialLibrary';
import { dhcp4ConfigText } from './dhcp4ConfigText';
import { commandStep, discoverStep, type ExampleStep, requestStep } from './examplePackets';

/**
 * A runnable example: a configuration (text with comments), the built-in libraries it names,
 * and the packets and commands to run, in order. `server` says what runs it: a simulated
 * kea-dhcp4, or the three-hook data-scope server of the guide's pictures.
 */
export interface ExampleWorkspace {
  id: string;
  title: string;
  /** A short explanation, in our words. */
  explanation: string;
  server: 'dhcp4' | 'data-scope';
  /** Kea configuration text (for `data-scope`: a config whose `hooks-libraries` is used). */
  config: string;
  /** Built-in library ids of the paths the config names. */
  libraries: readonly string[];
  /** Packets and commands, in order (kea-dhcp4 examples). */
  steps: readonly ExampleStep[];
  /** For the data-scope server: the clients whose requests run through alpha, beta, gamma. */
  dataScopeClients?: readonly string[];
  /** What a run shows, in words (the tests check it). */
  expectation: string;
}

const INTERESTING = '00:0c:01:02:03:06'; // bytes sum to 24: interesting
const ORDINARY = '00:0c:01:02:03:05'; // bytes sum to 23: not interesting

const entry = (path: string, parameters?: Record<string, unknown>) =>
  parameters === undefined ? { library: path } : { library: path, parameters };

export const EXAMPLE_WORKSPACES: readonly ExampleWorkspace[] = [
  {
    id: 'tutorial',
    title: tutorialLibrary.title,
    explanation: tutorialLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: [
        'The hooks guide tutorial: one library with pkt4_receive and pkt4_send.',
        'Clients whose hardware address bytes add up to a multiple of 4 are logged.',
      ],
      libraries: [
        {
          comment: 'Classifies in pkt4_receive, writes in pkt4_send.',
          entry: entry(tutorialLibrary.path),
        },
      ],
    }),
    libraries: [tutorialLibrary.id],
    steps: [
      discoverStep(INTERESTING, 0x1001, ' (interesting)'),
      discoverStep(ORDINARY, 0x1002, ' (ordinary)'),
    ],
    expectation:
      '/data/clients/interesting.log gets one line, "hwtype=1 00:0c:01:02:03:06 <offered address>"; ' +
      'the ordinary client leaves no line.',
  },
  {
    id: 'data-scope',
    title: 'Data scope: arguments along a hook, context per library',
    explanation:
      'The guide draws two pictures for two libraries on a server with hooks alpha, beta and ' +
      'gamma. Arguments travel along one hook from library 1 to library 2 (the red lines); ' +
      "each library's context travels down through the hooks of one request, and never " +
      'crosses to the other library (the blue lines). Step through the request and watch both.',
    server: 'data-scope',
    config: `// The data-scope server has only hooks alpha, beta and gamma; this is its library list.
{
  "hooks-libraries": [
    // authorize (alpha), check (beta), add_option (gamma), registered in load()
    { "library": "${dataScopeLibrary1.path}" },
    // logpkt (alpha), validate (beta), putopt (gamma)
    { "library": "${dataScopeLibrary2.path}" }
  ]
}
`,
    libraries: [dataScopeLibrary1.id, dataScopeLibrary2.id],
    steps: [],
    dataScopeClients: ['client-a'],
    expectation:
      'check reads foo = 2 and validate reads foo = "bar"; putopt reads the note add_option left; ' +
      'gamma ends with the options ["library 1 for client-a", "library 2 after \\"hello from add_option\\""].',
  },
  {
    id: 'same-key',
    title: sameKeyLibrary.title,
    explanation: sameKeyLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: [
        'One library file loaded twice: two library indexes, two contexts, one context name.',
      ],
      libraries: [
        {
          comment: 'Library 1 stores owner = "first".',
          entry: entry(sameKeyLibrary.path, { label: 'first' }),
        },
        {
          comment: 'Library 2 stores owner = "second" under the same name.',
          entry: entry(sameKeyLibrary.path, { label: 'second' }),
        },
      ],
    }),
    libraries: [sameKeyLibrary.id],
    steps: [discoverStep(ORDINARY, 0x2001)],
    expectation:
      '/data/same-key.log reads "library 1 reads owner=first" then "library 2 reads owner=second".',
  },
  {
    id: 'deny-list',
    title: denyListLibrary.title,
    explanation: denyListLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: ['A deny list: packets from the listed hardware address are dropped in pkt4_receive.'],
      libraries: [
        {
          comment: 'Sets DROP for listed clients.',
          entry: entry(denyListLibrary.path, { deny: [ORDINARY] }),
        },
      ],
    }),
    libraries: [denyListLibrary.id],
    steps: [
      discoverStep(ORDINARY, 0x3001, ' (denied)'),
      discoverStep(INTERESTING, 0x3002, ' (allowed)'),
    ],
    expectation:
      'The denied client gets no answer (DROP at pkt4_receive); the other gets a DHCPOFFER.',
  },
  {
    id: 'fixed-address',
    title: fixedAddressLibrary.title,
    explanation: fixedAddressLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: [
        'Choosing the address in lease4_select. Set "skip" to true to see what SKIP means there.',
      ],
      libraries: [
        {
          comment: 'This client gets 192.0.2.77 whatever the pool would give.',
          entry: entry(fixedAddressLibrary.path, {
            addresses: { [INTERESTING]: '192.0.2.77' },
            skip: false,
          }),
        },
      ],
    }),
    libraries: [fixedAddressLibrary.id],
    steps: [
      discoverStep(INTERESTING, 0x4001, ' (listed)'),
      discoverStep(ORDINARY, 0x4002, ' (not listed)'),
    ],
    expectation:
      "The listed client is offered 192.0.2.77, the other the pool's first free address; with " +
      '"skip": true the listed client gets no offer at all.',
  },
  {
    id: 'exact-type',
    title: exactTypeLibrary.title,
    explanation: exactTypeLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: ['The exact-type rule: values come back only as the type they were stored with.'],
      libraries: [
        {
          comment: 'Tries right and wrong types; see /data/exact-type.log.',
          entry: entry(exactTypeLibrary.path, { rethrow: false }),
        },
      ],
    }),
    libraries: [exactTypeLibrary.id],
    steps: [discoverStep(ORDINARY, 0x5001)],
    expectation:
      '/data/exact-type.log shows query4 accepted as isc::dhcp::Pkt4Ptr and refused as Pkt4, and ' +
      'count refused as long and accepted as int, each refusal an ArgumentTypeMismatch.',
  },
  {
    id: 'parameters',
    title: parametersLibrary.title,
    explanation: parametersLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: ['Library parameters: every JSON map under "parameters" reaches load().'],
      libraries: [
        {
          comment: 'A string, an integer, a boolean, a list and a map.',
          entry: entry(parametersLibrary.path, {
            mail: 'spam@example.com',
            floor: 13,
            debug: false,
            users: ['alice', 'bob', 'charlie'],
            languages: { french: 'bonjour', klingon: "yl'el" },
          }),
        },
      ],
    }),
    libraries: [parametersLibrary.id],
    steps: [],
    expectation:
      'The configuration loads and /data/parameters.txt lists mail, floor, debug, the three users ' +
      'and the two languages; a wrong type (say "floor": "13") makes the library, and the configuration, fail.',
  },
  {
    id: 'context-lifecycle',
    title: contextLifecycleLibrary.title,
    explanation: contextLifecycleLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: ['context_create and context_destroy bracket every callout handle.'],
      libraries: [
        {
          comment: "Writes each request's story when its context is destroyed.",
          entry: entry(contextLifecycleLibrary.path),
        },
      ],
    }),
    libraries: [contextLifecycleLibrary.id],
    steps: [
      discoverStep(ORDINARY, 0x6001),
      requestStep(ORDINARY, 0x6002, '192.0.2.10', '192.0.2.1'),
    ],
    expectation:
      '/data/context-lifecycle.log gets a line per handle; the two packets each show "pkt4_receive, pkt4_send".',
  },
  {
    id: 'commands',
    title: diagnosticsLibrary.title,
    explanation: diagnosticsLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: ['Two libraries answering the same control commands.'],
      libraries: [
        {
          comment: 'First handler of diagnostics-enable and diagnostics-dump.',
          entry: entry(diagnosticsLibrary.path, { label: 'north' }),
        },
        {
          comment: "Second handler: extends the first one's answer.",
          entry: entry(diagnosticsLibrary.path, { label: 'south' }),
        },
      ],
    }),
    libraries: [diagnosticsLibrary.id],
    steps: [
      commandStep('diagnostics-enable', { enable: true }),
      discoverStep(ORDINARY, 0x7001),
      commandStep('diagnostics-dump'),
    ],
    expectation:
      'diagnostics-dump answers with result 0 and arguments.libraries listing north then south, ' +
      'each having counted 1 packet.',
  },
  {
    id: 'multi-threading',
    title: notThreadSafeLibrary.title,
    explanation: notThreadSafeLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: ['Multi-threading on, and a library that says it is not thread safe.'],
      libraries: [
        {
          comment: 'multi_threading_compatible() returns 0.',
          entry: entry(notThreadSafeLibrary.path),
        },
      ],
      multiThreading: true,
    }),
    libraries: [notThreadSafeLibrary.id],
    steps: [],
    expectation:
      'The configuration is refused (result 1): the library fails the multi-threading check.',
  },
  {
    id: 'non-standard-names',
    title: nonStandardNamesLibrary.title,
    explanation: nonStandardNamesLibrary.explanation,
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: ['The tutorial with callouts named classify and write_data, registered in load().'],
      libraries: [
        {
          comment: 'load() registers classify and write_data.',
          entry: entry(nonStandardNamesLibrary.path),
        },
      ],
    }),
    libraries: [nonStandardNamesLibrary.id],
    steps: [
      discoverStep(INTERESTING, 0x8001, ' (interesting)'),
      discoverStep(ORDINARY, 0x8002, ' (ordinary)'),
    ],
    expectation:
      'The same line as the tutorial in /data/clients/interesting.log, written by write_data.',
  },
];

export function getExampleWorkspace(id: string): ExampleWorkspace | undefined {
  return EXAMPLE_WORKSPACES.find((example) => example.id === id);
}
