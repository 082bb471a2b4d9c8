import type { core } from "zod";

// zod's own wording ("Too small: expected number to be >=0") is for developers: these issues get
// a sentence in plain words. A message a schema wrote itself is already one, and is kept.
const ZOD_WORDING = /^(Invalid|Too small|Too big|Unrecognized)/;

const FORMAT_NAMES: Record<string, string> = { email: "an email address", url: "a web address", uuid: "an id", datetime: "a date and time", date: "a date (YYYY-MM-DD)", regex: "in the expected form" };

/** "businessHours.timeZone" → "Business hours time zone"; list positions count from 1. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "The request";
  const words = path
    .map((part) => (typeof part === "number" ? String(part + 1) : String(part).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase()))
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function bound(issue: { origin?: string; inclusive?: boolean }, value: unknown, direction: "least" | "most"): string {
  const size = String(value);
  switch (issue.origin) {
    case "string":
      return `${direction === "least" ? "at least" : "at most"} ${size} character${size === "1" ? "" : "s"}`;
    case "array":
    case "set":
      return `${direction === "least" ? "at least" : "at most"} ${size} item${size === "1" ? "" : "s"}`;
    default:
      if (issue.inclusive === false) return `${direction === "least" ? "more than" : "less than"} ${size}`;
      return `${direction === "least" ? size + " or more" : size + " or less"}`;
  }
}

/** One validation issue as a sentence that names its field, for the person who filled the form. */
export function describeIssue(issue: core.$ZodIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  const field = fieldLabel(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return / received undefined$/.test(issue.message) ? `${field} is required.` : `${field} must be ${issue.expected === "number" || issue.expected === "int" ? "a number" : issue.expected === "boolean" ? "yes or no" : `a ${issue.expected}`}.`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return `${field} is required.`;
      return `${field} must be ${bound(issue, issue.minimum, "least")}.`;
    case "too_big":
      return `${field} must be ${bound(issue, issue.maximum, "most")}.`;
    case "invalid_format":
      return `${field} must be ${FORMAT_NAMES[issue.format] ?? `a valid ${issue.format}`}.`;
    case "invalid_value":
      return `${field} must be one of: ${issue.values.map(String).join(", ")}.`;
    case "unrecognized_keys":
      return `${field} has fields Tern does not know: ${issue.keys.join(", ")}.`;
    case "not_multiple_of":
      return `${field} must be a multiple of ${String(issue.divisor)}.`;
    default:
      return `${field} is not valid.`;
  }
}
