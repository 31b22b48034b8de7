import { type FieldNode, fieldTree } from '@hookscope/dhcp';
import type { RunStep, ServerFamily } from '../state/workspace';
import { decodePacket } from './describeStep';

/** The selected step in detail: a packet's field tree (Wireshark-like), or the step's text. */
export function FieldTree({ step, family }: { step: RunStep; family: ServerFamily }) {
  if (step.kind !== 'packet') {
    return (
      <section className="field-tree" aria-label="Step details">
        <pre>{step.kind === 'command' ? step.text : `advance the clock ${step.seconds} s`}</pre>
      </section>
    );
  }
  const decoded = decodePacket(step.hex, family);
  if (!decoded.ok) {
    return (
      <section className="field-tree" aria-label="Packet details">
        <p role="alert" className="error">
          This packet does not decode: {decoded.error}
        </p>
      </section>
    );
  }
  let root: FieldNode;
  try {
    root = fieldTree(decoded.pkt);
  } catch (error) {
    return (
      <section className="field-tree" aria-label="Packet details">
        <pre>{decoded.pkt.toText()}</pre>
        <p className="hint">No field tree: {String(error)}</p>
      </section>
    );
  }
  return (
    <section className="field-tree" aria-label="Packet details">
      <ul className="tree">
        <FieldItem node={root} open />
      </ul>
    </section>
  );
}

function FieldItem({ node, open = false }: { node: FieldNode; open?: boolean }) {
  const text = (
    <>
      {node.label}
      {node.value !== undefined && node.value !== '' && (
        <>
          : <code>{node.value}</code>
        </>
      )}
    </>
  );
  if (!node.children?.length) return <li>{text}</li>;
  return (
    <li>
      <details open={open}>
        <summary>{text}</summary>
        <ul>
          {node.children.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a packet's fields do not reorder
            <FieldItem key={i} node={c} />
          ))}
        </ul>
      </details>
    </li>
  );
}
