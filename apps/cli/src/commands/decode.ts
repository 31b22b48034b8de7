import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type AnyPkt,
  type DhcpFrame,
  DhcpParseError,
  type OptionJson,
  packetJson,
  readDhcpPackets,
} from '@hookscope/dhcp';
import { type CliCommand, type CliIo, EXIT_FAILURE, EXIT_OK, UsageError } from '../command';

const USAGE = 'hookscope decode <file> [--json]';

function optionLines(options: readonly OptionJson[], indent: string): string[] {
  const lines: string[] = [];
  for (const o of options) {
    const value =
      o.value === undefined
        ? ''
        : ` ${Array.isArray(o.value) ? o.value.join(', ') : String(o.value)}`;
    const error = o.error ? `  [${o.error}]` : '';
    lines.push(`${indent}option ${o.code} ${o.name ?? 'unknown'}:${value}${error}`);
    if (o.options) lines.push(...optionLines(o.options, `${indent}  `));
  }
  return lines;
}

function endpoint(addr: string, port: number): string {
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}

function textOf(f: DhcpFrame, pkt: AnyPkt): string {
  const j = packetJson(pkt);
  const lines = [
    `frame ${f.frame}  ${f.time}  ${endpoint(f.srcAddr, f.srcPort)} -> ${endpoint(f.dstAddr, f.dstPort)}  ${j.family} ${j.msgType} xid=0x${j.xid.toString(16)}`,
  ];
  if (j.fields) {
    const x = j.fields;
    lines.push(
      `  op=${x.op} htype=${x.htype} hlen=${x.hlen} hops=${x.hops} secs=${x.secs} flags=0x${x.flags.toString(16).padStart(4, '0')} chaddr=${x.chaddr}`,
      `  ciaddr=${x.ciaddr} yiaddr=${x.yiaddr} siaddr=${x.siaddr} giaddr=${x.giaddr}${x.sname ? ` sname=${x.sname}` : ''}${x.file ? ` file=${x.file}` : ''}`,
    );
  }
  for (const [i, r] of (j.relays ?? []).entries()) {
    lines.push(
      `  relay ${i}: ${r.msgType} hop-count=${r.hopCount} link=${r.linkAddr} peer=${r.peerAddr}`,
    );
    lines.push(...optionLines(r.options, '    '));
  }
  lines.push(...optionLines(j.options, '  '));
  return `${lines.join('\n')}\n`;
}

function decodeFile(bytes: Uint8Array, json: boolean, io: CliIo, name: string): number {
  try {
    for (const f of readDhcpPackets(bytes)) {
      if (f.pkt === undefined) {
        const e = f.error!;
        io.err(
          `hookscope decode: ${name}: frame ${f.frame}: not valid ${f.family === 'dhcp4' ? 'DHCPv4' : 'DHCPv6'} ${e.message} (from the start of the frame)\n`,
        );
        continue;
      }
      io.out(
        json
          ? `${JSON.stringify(packetJson(f.pkt, { frame: f.frame, time: f.time }))}\n`
          : textOf(f, f.pkt),
      );
    }
  } catch (e) {
    if (!(e instanceof DhcpParseError)) throw e;
    io.err(`hookscope decode: ${name}: cannot read the file: ${e.message}\n`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

/**
 * `hookscope decode <file> [--json]`: prints every DHCP message of a pcap, pcapng or hex file.
 * Exit 1 when the file cannot be read (with the byte offset); frames that are not valid DHCP
 * are reported on stderr with their frame number and offset, and do not change the exit code.
 */
export const decodeCommand: CliCommand = {
  name: 'decode',
  summary: 'print the DHCP packets of a pcap, pcapng or hex file',
  usage: USAGE,
  run(argv, io) {
    let json = false;
    const files: string[] = [];
    for (const a of argv) {
      if (a === '--json') json = true;
      else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
      else files.push(a);
    }
    if (files.length !== 1) {
      throw new UsageError(
        files.length === 0 ? 'a capture file is needed' : `one file only, got ${files.length}`,
      );
    }
    const path = resolve(io.cwd, files[0]!);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      io.err(
        `hookscope decode: cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      return EXIT_FAILURE;
    }
    return decodeFile(bytes, json, io, files[0]!);
  },
};
