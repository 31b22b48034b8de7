// The shape of an option definition, after Kea's OptionDefinition: a name, a code, the space
// it lives in, a data type (with record fields for `record`), an array flag, and the space its
// sub-options come from when it encapsulates one.

/** Kea's option data type names (option_data_types.h), as used in `option-def`. */
export type OptionDataType =
  | 'empty'
  | 'binary'
  | 'boolean'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'ipv4-address'
  | 'ipv6-address'
  | 'ipv6-prefix'
  | 'psid'
  | 'string'
  | 'tuple'
  | 'fqdn'
  | 'record';

export type Universe = 'v4' | 'v6';

export interface OptionDefinition {
  readonly name: string;
  readonly code: number;
  readonly space: string;
  readonly type: OptionDataType;
  /** For `record`: the field types in order. */
  readonly fields?: readonly OptionDataType[];
  /** Repeats the value (or, for a record, its last field). */
  readonly array: boolean;
  /** Space of the sub-options that follow the value, when the option carries any. */
  readonly encapsulate?: string;
  /**
   * How sub-options are laid out when they are not a plain run after the value:
   * `vivso` is option 125 (enterprise id, data length, sub-options);
   * `vendor-v6` is option 17 (enterprise id, then sub-options of space `vendor-<id>`).
   */
  readonly layout?: 'vivso' | 'vendor-v6';
}

/** Fixed size in bytes of a data type on the wire, or undefined when it varies. */
export function fixedSize(type: OptionDataType): number | undefined {
  switch (type) {
    case 'boolean':
    case 'int8':
    case 'uint8':
      return 1;
    case 'int16':
    case 'uint16':
    case 'psid':
      return 2;
    case 'int32':
    case 'uint32':
    case 'ipv4-address':
      return 4;
    case 'ipv6-address':
      return 16;
    case 'empty':
      return 0;
    default:
      return undefined;
  }
}
