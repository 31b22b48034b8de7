import type { SchemaProfile } from '../keaVersion';
import { ELEMENT_DESCRIPTIONS, KEY_DESCRIPTIONS } from './keyDescriptions';
import {
  type KeySpec,
  keysFor,
  MAPS,
  type MapKind,
  TOP_LEVEL_ELEMENTS,
  type ValueSpec,
} from './keyTable';

/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema of a whole Kea config file for one profile: the four top-level elements,
 * each map closed (`additionalProperties: false`, as Kea's grammar rejects unknown keywords),
 * a description on every key. Pure; build once and keep it.
 */
export function buildSchema(profile: SchemaProfile): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const kind of Object.keys(MAPS) as MapKind[]) {
    definitions[kind] = mapSchema(kind, profile);
  }
  const properties: Record<string, JsonSchema> = {};
  for (const [element, kind] of Object.entries(TOP_LEVEL_ELEMENTS)) {
    properties[element] = {
      $ref: `#/definitions/${kind}`,
      description: ELEMENT_DESCRIPTIONS[element],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://hookscope.dev/schema/kea-config-${profile}.json`,
    title: `Kea configuration (${profile === 'v22' ? 'Kea 2.2' : 'Kea 3.x'})`,
    type: 'object',
    properties,
    definitions,
  };
}

function mapSchema(kind: MapKind, profile: SchemaProfile): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, spec] of Object.entries(keysFor(kind, profile))) {
    properties[key] = keySchema(key, spec);
  }
  if (kind === 'controlAgent') {
    // The agent's control-sockets is a map from server name to socket.
    properties['control-sockets'] = {
      type: 'object',
      description: KEY_DESCRIPTIONS['control-sockets'],
      properties: {
        dhcp4: { $ref: '#/definitions/controlSocket' },
        dhcp6: { $ref: '#/definitions/controlSocket' },
        d2: { $ref: '#/definitions/controlSocket' },
      },
      additionalProperties: false,
    };
  }
  return { type: 'object', properties, additionalProperties: false };
}

function keySchema(key: string, spec: KeySpec): JsonSchema {
  const schema = valueSchema(spec.value);
  const description = KEY_DESCRIPTIONS[key];
  if (description !== undefined) schema['description'] = description;
  if (spec.values) schema['enum'] = [...spec.values];
  return schema;
}

function valueSchema(value: ValueSpec): JsonSchema {
  if (typeof value === 'string') {
    if (value === 'freeMap') return { type: 'object' };
    return { type: value };
  }
  if ('map' in value) return { $ref: `#/definitions/${value.map}` };
  if ('list' in value) return { type: 'array', items: { $ref: `#/definitions/${value.list}` } };
  if ('mapOf' in value) {
    return { type: 'object', additionalProperties: { $ref: `#/definitions/${value.mapOf}` } };
  }
  return {
    type: 'array',
    items: value.listOf === 'freeMap' ? { type: 'object' } : { type: value.listOf },
  };
}
