// Building options from Kea names (or codes) and typed values.
import { fromHex } from './bytes';
import { Option } from './option';
import type { Universe } from './optionDefinition';
import { getOptionDefinition, getOptionDefinitionByName } from './optionDefinitions';
import type { OptionValue } from './optionValue';

/**
 * A new option of `universe` in `space` (`dhcp4` / `dhcp6` by default), by Kea name or code,
 * with a typed value (see OptionValue) and optional sub-options. An option without a standard
 * definition takes its value as hex (`01:02:03`). Throws TypeError for an unknown name or a
 * value that does not fit the definition. Pure.
 */
export function createOption(
  universe: Universe,
  nameOrCode: string | number,
  value?: OptionValue,
  subOptions: readonly Option[] = [],
  space: string = universe === 'v4' ? 'dhcp4' : 'dhcp6',
): Option {
  const def =
    typeof nameOrCode === 'number'
      ? getOptionDefinition(space, nameOrCode, universe)
      : getOptionDefinitionByName(nameOrCode, space, universe);
  if (def === undefined && typeof nameOrCode === 'string') {
    throw new TypeError(`no option '${nameOrCode}' in space ${space}`);
  }
  const code = def?.code ?? (nameOrCode as number);
  let data: Uint8Array;
  if (def === undefined) data = value === undefined ? new Uint8Array(0) : fromHex(String(value));
  else if (def.layout === 'vivso') {
    data = new Uint8Array(5);
    new DataView(data.buffer).setUint32(0, Number(value ?? 0) >>> 0);
  } else if (def.layout === 'vendor-v6') {
    data = new Uint8Array(4);
    new DataView(data.buffer).setUint32(0, Number(value ?? 0) >>> 0);
  } else if (def.type === 'empty') data = new Uint8Array(0);
  else data = new Uint8Array(0);
  const opt = new Option(universe, code, data, space);
  // typed values go through the option, which knows the variants (e.g. ASCII client FQDN)
  if (def !== undefined && def.layout === undefined && def.type !== 'empty') opt.setValue(value);
  for (const s of subOptions) opt.addOption(s);
  return opt;
}

/** `createOption('v4', …)`. */
export function createOption4(
  nameOrCode: string | number,
  value?: OptionValue,
  subOptions: readonly Option[] = [],
  space?: string,
): Option {
  return createOption('v4', nameOrCode, value, subOptions, space);
}

/** `createOption('v6', …)`. */
export function createOption6(
  nameOrCode: string | number,
  value?: OptionValue,
  subOptions: readonly Option[] = [],
  space?: string,
): Option {
  return createOption('v6', nameOrCode, value, subOptions, space);
}
