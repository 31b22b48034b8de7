import type { ServerConfig } from './config/configModel';
import { CPP } from './cppTypes';
import type { ExchangeBase, FamilyParts, ServerPacket } from './family';
import { callQueryHook } from './queryHook';
import type { ServerCore } from './serverCore';
import { DdnsParams } from './subnet';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A domain name in DNS wire form from `data[offset]` on: "host.example.org." when it ends with
 * the root label (full), "host" when it does not (partial).
 */
export function decodeDomainName(data: Uint8Array, offset: number): string {
  const labels: string[] = [];
  let i = offset;
  let full = false;
  while (i < data.length) {
    const len = data[i] ?? 0;
    if (len === 0) {
      full = true;
      break;
    }
    labels.push(decoder.decode(data.subarray(i + 1, i + 1 + len)));
    i += len + 1;
  }
  return labels.join('.') + (full ? '.' : '');
}

/** A name in DNS wire form; `full` ends it with the root label. */
export function encodeDomainName(name: string, full: boolean): number[] {
  const out: number[] = [];
  for (const label of name.split('.')) {
    if (label === '') continue;
    const bytes = encoder.encode(label);
    out.push(bytes.length, ...bytes);
  }
  if (full) out.push(0);
  return out;
}

/** The `ddns-params` argument for the configuration's DDNS behaviour parameters. */
export function ddnsParamsOf(config: ServerConfig): DdnsParams {
  return new DdnsParams(
    config.ddnsEnabled,
    config.ddnsQualifyingSuffix,
    config.ddnsOverrideNoUpdate,
    config.ddnsOverrideClientUpdate,
    config.ddnsReplaceClientName,
    config.ddnsGeneratedPrefix,
  );
}

/** The client's name and the DNS update directions, as ddns*_update sees and returns them. */
export interface ClientNameDecision {
  hostname: string;
  fwd: boolean;
  rev: boolean;
}

/**
 * ddns4_update / ddns6_update on the query's handle: its status is ignored (R113); hostname,
 * fwd-update and rev-update are read back.
 */
export function ddnsUpdate<P extends ServerPacket, S>(
  server: ServerCore,
  parts: FamilyParts<P>,
  ex: ExchangeBase<P, S>,
  config: ServerConfig,
  decision: ClientNameDecision,
): ClientNameDecision {
  let out = decision;
  callQueryHook(
    server,
    ex,
    server.common.ddnsUpdate,
    (handle) => {
      handle.setArgument(parts.queryArg, ex.query, parts.pktTag);
      handle.setArgument(parts.responseArg, ex.response, parts.pktTag);
      handle.setArgument(parts.subnetArg, ex.subnet, server.subnetTag);
      handle.setArgument('hostname', decision.hostname, CPP.string);
      handle.setArgument('fwd-update', decision.fwd, CPP.bool);
      handle.setArgument('rev-update', decision.rev, CPP.bool);
      handle.setArgument('ddns-params', ddnsParamsOf(config), CPP.ddnsParams);
    },
    (handle) => {
      out = {
        hostname: handle.getArgument<string>('hostname'),
        fwd: handle.getArgument<boolean>('fwd-update'),
        rev: handle.getArgument<boolean>('rev-update'),
      };
    },
  );
  return out;
}
