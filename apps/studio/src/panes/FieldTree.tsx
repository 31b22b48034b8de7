import type { RunStep, ServerFamily } from '../state/workspace';
import { decodePacket } from './describeStep';

/** The selected step in detail: a packet's decoded fields and options, or the step's text. */
export function FieldTree({ step, family }: { step: RunStep; family: ServerFamily }) {
  if (step.kind !== 'packet') {
    return (
      <section className="field-tree" aria-label="Step details">
        <pre>{step.kind === 'command' ? step.text : `advance the clock ${step.seconds} s`}</pre>
      </section>
    );
  }
  const decoded = decodePacket(step.hex, family);
  return (
    <section className="field-tree" aria-label="Packet details">
      {decoded.ok ? (
        <>
          <h3>{decoded.pkt.getName()}</h3>
          {'getHWAddr' in decoded.pkt && (
            <dl>
              <dt>chaddr</dt>
              <dd>{decoded.pkt.getHWAddr().toText()}</dd>
              <dt>ciaddr</dt>
              <dd>{decoded.pkt.getCiaddr()}</dd>
              <dt>yiaddr</dt>
              <dd>{decoded.pkt.getYiaddr()}</dd>
              <dt>giaddr</dt>
              <dd>{decoded.pkt.getGiaddr()}</dd>
            </dl>
          )}
          <pre>{decoded.pkt.toText()}</pre>
        </>
      ) : (
        <p role="alert" className="error">
          This packet does not decode: {decoded.error}
        </p>
      )}
    </section>
  );
}
