import { type FieldNode, fieldTree } from '@hookscope/dhcp';
import { useEffect, useId, useState } from 'react';
import { useStudioActions } from '../state/useStudio';
import type { RunStep, ServerFamily } from '../state/workspace';
import { decodePacket } from './describeStep';

/** The selected step in detail: its editable text (packet bytes as hex), then the field tree. */
export function FieldTree({ step, family }: { step: RunStep; family: ServerFamily }) {
  return (
    <>
      <StepEditor step={step} />
      <StepDetails step={step} family={family} />
    </>
  );
}

/** Edits a step's text: a packet's bytes (hex), a command's JSON, a clock advance's seconds. */
function StepEditor({ step }: { step: RunStep }) {
  const actions = useStudioActions();
  const id = useId();
  const text =
    step.kind === 'packet' ? step.hex : step.kind === 'command' ? step.text : String(step.seconds);
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  const label =
    step.kind === 'packet'
      ? 'Packet bytes (hex)'
      : step.kind === 'command'
        ? 'Command (JSON)'
        : 'Seconds';
  return (
    <form
      className="step-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (step.kind === 'packet') actions.updateStep({ ...step, hex: draft.trim() });
        else if (step.kind === 'command') actions.updateStep({ ...step, text: draft });
        else actions.updateStep({ ...step, seconds: Number(draft) || step.seconds });
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" disabled={draft === text}>
        Apply
      </button>
    </form>
  );
}

function StepDetails({ step, family }: { step: RunStep; family: ServerFamily }) {
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
