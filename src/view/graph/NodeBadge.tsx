/** A small pill of text beside a node (its conflicts, its lost writes): words or a glyph and a number. */
export function NodeBadge({
  className,
  text,
  x,
  y,
  data,
}: {
  readonly className: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly data: Readonly<Record<`data-${string}`, number>>;
}) {
  const width = 14 + 7 * text.length;
  return (
    <g className={className} transform={`translate(${x},${y})`} {...data}>
      <rect x={-width / 2} y={-9} width={width} height={18} rx={9} />
      <text dy="0.35em">{text}</text>
    </g>
  );
}

/** "3 lost" at a node's lower left: acknowledged writes it took and later lost in a failover. */
export function LostBadge({ count, radius }: { readonly count: number; readonly radius: number }) {
  return (
    <NodeBadge
      className="node-lost-badge"
      text={`${count} lost`}
      x={-radius - 6}
      y={radius + 8}
      data={{ 'data-lost-writes': count }}
    />
  );
}
