/** Legend labels in the page's text colour: recharts paints them in the series colour, unreadable for pale series. */
export function legendText(value: unknown) {
  return <span style={{ color: "#334155" }}>{String(value)}</span>;
}
