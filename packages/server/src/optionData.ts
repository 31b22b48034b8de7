import {
  getOptionDefinition,
  getOptionDefinitionByName,
  Option,
  type OptionValue,
} from '@hookscope/dhcp';
import { hexToBytes } from './address';
import type { OptionDataEntry } from './config/configModel';

const INTEGER = /^u?int(8|16|32)$/;

function fieldValue(type: string, text: string): OptionValue {
  const t = text.trim();
  if (INTEGER.test(type)) return Number(t);
  if (type === 'boolean') return t === 'true' || t === '1';
  return t;
}

/**
 * Builds the option an `option-data` entry describes, through the dhcp package's definitions:
 * CSV data is split on commas into the definition's fields, `csv-format: false` data is hex.
 * Returns undefined (the caller logs) for a name or code without a definition and CSV data.
 */
export function buildConfiguredOption(
  entry: OptionDataEntry,
  universe: 'v4' | 'v6',
): Option | undefined {
  const def =
    entry.name !== undefined
      ? getOptionDefinitionByName(entry.name, entry.space, universe)
      : getOptionDefinition(entry.space, entry.code ?? -1, universe);
  const code = def?.code ?? entry.code;
  if (code === undefined) return undefined;
  if (!entry.csvFormat || def === undefined) {
    const bytes = hexToBytes(entry.data);
    if (bytes === undefined) return undefined;
    return new Option(universe, code, bytes, entry.space);
  }
  const option = new Option(universe, code, new Uint8Array(0), entry.space);
  if (def.type === 'empty') return option;
  const parts = entry.data === '' ? [] : entry.data.split(',');
  let value: OptionValue;
  if (def.type === 'record') {
    const fields = def.fields ?? [];
    value = parts.map((p, i) => fieldValue(fields[Math.min(i, fields.length - 1)] ?? 'string', p));
  } else if (def.array) {
    value = parts.map((p) => fieldValue(def.type, p));
  } else {
    value = fieldValue(def.type, entry.data);
  }
  option.setValue(value);
  return option;
}
