import type { Segment } from 'jsonc-parser';

export interface PathInfo {
  description: string | undefined;
  properties: { name: string; description: string }[];
}

interface Node {
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
}

/**
 * The part of Kea's config the studio explains itself: the hooks-related keys. The full,
 * per-version schema comes from @hookscope/config; this covers the keys the studio's form edits.
 */
const SCHEMA: Node = {
  properties: {
    Dhcp4: {
      description: 'Configuration of kea-dhcp4, the DHCPv4 server.',
      properties: {
        'hooks-libraries': {
          description: 'Hooks libraries to load, in order. Callouts on one hook run in this order.',
          items: {
            properties: {
              library: { description: 'Path of the library file (a .so in Kea; a module here).' },
              parameters: { description: 'A map handed to the library, read with getParameter().' },
            },
          },
        },
        subnet4: { description: 'IPv4 subnets served, each with an id, a prefix and pools.' },
        'interfaces-config': { description: 'Interfaces the server listens on.' },
        loggers: { description: 'Loggers: which messages are written, at which severity.' },
        'multi-threading': {
          description: 'Multi-threading settings; libraries must be multi-threading compatible.',
        },
        'valid-lifetime': { description: 'Lease lifetime in seconds.' },
      },
    },
    Dhcp6: {
      description: 'Configuration of kea-dhcp6, the DHCPv6 server.',
      properties: {
        'hooks-libraries': { description: 'Hooks libraries to load, in order.' },
        subnet6: { description: 'IPv6 subnets served.' },
      },
    },
  },
};

/** What the schema says about the value at `path` (array indexes step into `items`). */
export function describeConfigPath(path: readonly Segment[]): PathInfo {
  let node: Node | undefined = SCHEMA;
  for (const segment of path) {
    node = typeof segment === 'number' ? node?.items : node?.properties?.[segment];
    if (!node) return { description: undefined, properties: [] };
  }
  const properties = Object.entries(node.properties ?? {}).map(([name, n]) => ({
    name,
    description: n.description ?? '',
  }));
  return { description: node.description, properties };
}
