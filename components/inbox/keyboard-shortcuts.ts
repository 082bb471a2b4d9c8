/** The inbox's shortcuts: one list drives both the key handler and the help dialog. */
export const SHORTCUTS = [
  { keys: ["j"], action: "next", label: "Next ticket in the queue" },
  { keys: ["k"], action: "previous", label: "Previous ticket in the queue" },
  { keys: ["Enter"], action: "open", label: "Open the highlighted ticket" },
  { keys: ["r"], action: "reply", label: "Reply to the customer" },
  { keys: ["n"], action: "note", label: "Write an internal note" },
  { keys: ["c"], action: "claim", label: "Claim the open ticket" },
  { keys: ["/"], action: "search", label: "Search tickets and messages" },
  { keys: ["?"], action: "help", label: "Show these shortcuts" },
  { keys: ["Ctrl", "Enter"], action: "send", label: "Send the reply or note (in the composer)" },
  { keys: ["Esc"], action: "escape", label: "Leave a field or close a dialog" },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]["action"];

const BY_KEY: Record<string, ShortcutAction> = { j: "next", k: "previous", Enter: "open", r: "reply", n: "note", c: "claim", "/": "search", "?": "help" };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest("dialog[open]") !== null;
}

/** The action for a page-level key press, or null (typing in a field, a modifier held, a dialog open). */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return null;
  if (isTyping(event.target)) return null;
  // Enter on a focused button or link keeps its own meaning.
  if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("button, a, [role=listbox]")) return null;
  return BY_KEY[event.key] ?? null;
}
