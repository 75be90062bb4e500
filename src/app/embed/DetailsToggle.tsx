/**
 * The embed's "Details" toggle, in the graph's footer: shows or hides the node and link details
 * column. Picking a node only opens its menu, so the graph keeps its width (and the menu its place)
 * until the reader asks for the details.
 */
export function DetailsToggle({
  shown,
  onToggle,
}: {
  readonly shown: boolean;
  readonly onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="details-toggle"
      aria-expanded={shown}
      aria-controls="lab-details"
      title="The picked node's or link's facts, data and actions, beside the graph"
      onClick={onToggle}
    >
      Details
    </button>
  );
}
