/**
 * Where only one or two of the inbox's panes fit (phones, tablets), the pane on show lives in the
 * URL (?ticket=…, &pane=order) like the open ticket does: a reload or a shared link lands on the
 * same pane, and the browser's Back steps back through the panes.
 */

export type InboxPane = "queue" | "ticket" | "order";

type PaneHistoryState = { ternInboxFrom?: string } | null;

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

/** Shows `url` as a new history entry that remembers the URL it was opened from. */
export function pushPane(url: string): void {
  if (currentUrl() === url) return;
  window.history.pushState({ ternInboxFrom: currentUrl() } satisfies PaneHistoryState, "", url);
}

/**
 * Goes back to `url`: the browser's own Back when this entry was opened from there (so Back and
 * Forward keep making sense), otherwise (a link opened straight on the ticket) it replaces this
 * entry rather than adding one the browser's Back would return to.
 */
export function returnToPane(url: string): void {
  if (currentUrl() === url) return;
  if ((window.history.state as PaneHistoryState)?.ternInboxFrom === url) window.history.back();
  else window.history.replaceState(null, "", url);
}

export function ticketUrl(ticketId: string, pane: Exclude<InboxPane, "queue"> = "ticket"): string {
  return pane === "order" ? `/inbox?ticket=${ticketId}&pane=order` : `/inbox?ticket=${ticketId}`;
}
