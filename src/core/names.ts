/**
 * Public author labels: first name and the initial of the last name only
 * ("Jane D."), never more (DESIGN.md §3). Works for a "First Last" full name too.
 */
export function publicAuthorName(first: string | null | undefined, last?: string | null): string {
  const given = (first ?? "").trim();
  const family = (last ?? "").trim();
  if (family === "") {
    const [head = "", ...rest] = given.split(/\s+/u);
    return rest.length > 0 ? `${head} ${initial(rest[0] ?? "")}` : head;
  }
  return given === "" ? initial(family) : `${given.split(/\s+/u)[0] ?? given} ${initial(family)}`;
}

function initial(name: string): string {
  const first = Array.from(name)[0];
  return first === undefined ? "" : `${first.toLocaleUpperCase()}.`;
}
