/** What is wrong with a chosen date range (ISO days), in words for the person choosing it; null when it can be shown. */
export function rangeProblem(range: { from: string; to: string }): string | null {
  if (range.from && range.to && range.from > range.to) {
    return "“From” is after “To”: choose a From date on or before the To date. The figures below are still those of the last range that worked.";
  }
  return null;
}
