import { firstVisible, withoutHiddenControls } from "./visible-text.js";

/**
 * Public author labels: first name and the initial of the last name only
 * ("Jane D."), never more (DESIGN.md §3). Works for a "First Last" full name too.
 * Bidi and other invisible controls are dropped first: they could reorder the
 * label or make the initial an invisible character.
 */
export function publicAuthorName(first: string | null | undefined, last?: string | null): string {
  const given = withoutHiddenControls(first ?? "").trim();
  const family = withoutHiddenControls(last ?? "").trim();
  if (family === "") {
    const [head = "", ...rest] = given.split(/\s+/u);
    return rest.length > 0 ? `${head} ${initial(rest[0] ?? "")}`.trim() : head;
  }
  return given === "" ? initial(family) : `${given.split(/\s+/u)[0] ?? given} ${initial(family)}`.trim();
}

function initial(name: string): string {
  const first = firstVisible(name);
  return first === undefined ? "" : `${first.toLocaleUpperCase()}.`;
}
