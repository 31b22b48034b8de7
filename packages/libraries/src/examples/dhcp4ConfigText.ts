export interface Dhcp4ConfigTextOptions {
  /** Comment lines put at the top (without the `//`). */
  intro: readonly string[];
  /** The `hooks-libraries` entries, each with a comment above it. */
  libraries: readonly { comment: string; entry: Record<string, unknown> }[];
  /** Turn multi-threading on (default: off, so every library loads on every Kea release). */
  multiThreading?: boolean;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : pad + line))
    .join('\n');
}

/**
 * The example configurations: one small IPv4 network, the example's libraries, and loggers that
 * show the libraries' debug records. Written out as text with comments, as a person would.
 */
export function dhcp4ConfigText(options: Dhcp4ConfigTextOptions): string {
  const libraries = options.libraries
    .map(
      ({ comment, entry }) =>
        `      // ${comment}\n      ${indent(JSON.stringify(entry, undefined, 2), 6)}`,
    )
    .join(',\n');
  const mt = options.multiThreading === true;
  return `// ${options.intro.join('\n// ')}
{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "eth0" ] },

    // Leases live in memory only: every run starts from an empty lease table.
    "lease-database": { "type": "memfile", "persist": false },
    "valid-lifetime": 4000,
    "renew-timer": 1000,
    "rebind-timer": 2000,

    // ${mt ? 'Packets are processed by a thread pool: every library must say it copes.' : 'One packet at a time, so libraries that are not thread safe load too.'}
    "multi-threading": { "enable-multi-threading": ${mt} },

    "subnet4": [
      {
        "id": 1,
        "subnet": "192.0.2.0/24",
        // Addresses are handed out from the bottom of this range.
        "pools": [ { "pool": "192.0.2.10 - 192.0.2.100" } ],
        "option-data": [ { "name": "routers", "data": "192.0.2.1" } ]
      }
    ],

    "hooks-libraries": [
${libraries}
    ],

    // Libraries log below the server's logger: kea-dhcp4.<library logger>.
    "loggers": [
      {
        "name": "kea-dhcp4",
        "output_options": [ { "output": "stdout" } ],
        "severity": "DEBUG",
        "debuglevel": 99
      }
    ]
  }
}
`;
}
