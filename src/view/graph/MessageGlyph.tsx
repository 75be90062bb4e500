/** The glyph for one in-flight message kind, drawn around (0, 0); the layer positions it. */
import type { MessageKind } from '../../engine/index.ts';

interface Props {
  readonly kind: MessageKind;
  readonly size: number;
}

export function MessageGlyph({ kind, size }: Props) {
  switch (kind) {
    case 'entries':
      return size > 1 ? (
        <>
          <circle className="msg msg--entries" r={8} />
          <text className="msg-count" dy="0.35em">
            {size > 99 ? '99+' : size}
          </text>
        </>
      ) : (
        <circle className="msg msg--entries" r={5} />
      );
    case 'ack':
      return <rect className="msg msg--ack" x={-3.5} y={-3.5} width={7} height={7} transform="rotate(45)" />;
    case 'hello':
      return <rect className="msg msg--hello" x={-4} y={-4} width={8} height={8} />;
    case 'snapshot':
      return <rect className="msg msg--snapshot" x={-7} y={-7} width={14} height={14} rx={2} />;
    case 'heartbeat':
      return <circle className="msg msg--heartbeat" r={3} />;
    case 'certify':
      return <path className="msg msg--certify" d="M0,6L6,-4.5H-6Z" />;
  }
}
