import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Clock } from "../../../server/clock.ts";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { csvCell } from "../../../server/directory/export.ts";
import { startDirectory, type DirectoryServer, type WirePage, type WireReview } from "./fixture.ts";

const DIR = DIRECTORY_DEMO.directoryId;
const { admin: ADMIN, readonly: READONLY } = DIRECTORY_DEMO.keys;
const EXPORT = `/reviews/directory/${DIR}/export/`;

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  return rows;
}

describe("directory API: the owner's export", () => {
  let server: DirectoryServer;
  let all: WirePage;
  before(async () => {
    server = await startDirectory(new Clock());
    const created = await server.api("POST", `/reviews/directory/${DIR}/`, ADMIN, {
      entry_id: DIRECTORY_DEMO.emptyEntryId,
      title: '=HYPERLINK("http://evil.test","click")',
      company: '+Acme, "Inc"',
      summary: "@SUM(A1)\nsecond line",
      first_name: "-Eve",
      last_name: "Tab",
      email: "eve@example.test",
      rating: 2,
    });
    assert.equal(created.status, 201, created.text);
    all = (await server.api("GET", `/reviews/directory/${DIR}/?page_size=200`, ADMIN)).body as WirePage;
  });
  after(() => server.close());

  it("CSV by default: UTF-8, a dated attachment, a header row and every review with status, approver and date", async () => {
    const answer = await server.api("GET", EXPORT, READONLY);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /^text\/csv; charset=utf-8/);
    assert.match(answer.headers.get("content-disposition") ?? "", /^attachment; filename="reviews-demo-directory-\d{4}-\d\d-\d\d\.csv"$/);
    assert.equal(answer.headers.get("cache-control"), "no-store");
    const rows = parseCsv(answer.text);
    const [header, ...data] = rows;
    assert.deepEqual(header?.slice(0, 6), ["id", "entry_id", "entry_title", "status", "status_display", "rating"]);
    assert.ok(header?.includes("approved_by") && header.includes("created"));
    assert.equal(data.length, all.count);
    assert.ok(data.every((row) => row.length === header?.length));
    const approved = all.results.find((r) => r.status === "A") as WireReview;
    const row = data.find((r) => r[0] === approved.id) ?? [];
    const col = (name: string) => row[header?.indexOf(name) ?? -1];
    assert.equal(col("status"), "A");
    assert.equal(col("created"), approved.created);
    assert.equal(col("approved_by"), `${approved.approvedBy?.firstName} ${approved.approvedBy?.lastName}`);
    assert.ok(new Set(data.map((r) => r[3])).size === 3, "pending, approved and declined reviews alike");
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const answer = await server.api("GET", EXPORT, ADMIN);
    const [header = [], ...data] = parseCsv(answer.text);
    const row = data.find((r) => r[header.indexOf("email")] === "eve@example.test") ?? [];
    assert.equal(row[header.indexOf("title")], '\'=HYPERLINK("http://evil.test","click")');
    assert.equal(row[header.indexOf("company")], '\'+Acme, "Inc"');
    assert.equal(row[header.indexOf("summary")], "'@SUM(A1)\nsecond line");
    assert.equal(row[header.indexOf("first_name")], "'-Eve");
    assert.deepEqual(["\tx", "\rx", "plain", "a,b"].map(csvCell), ['"\'\tx"', '"\'\rx"', "plain", '"a,b"']);
  });

  it("?format=json: the API's review objects, every status", async () => {
    const answer = await server.api("GET", `${EXPORT}?format=json`, READONLY);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-disposition") ?? "", /\.json"$/);
    const reviews = answer.body as WireReview[];
    assert.deepEqual(
      reviews.map((r) => r.id),
      all.results.map((r) => r.id),
    );
    assertStatus(await server.api("GET", `${EXPORT}?format=xlsx`, READONLY), 400);
  });

  it("needs a key with read permission, in the Authorization header only", async () => {
    assertStatus(await server.api("GET", EXPORT, null), 401);
    assertStatus(await server.api("GET", `${EXPORT}?key=${ADMIN}`, null), 401);
    assertStatus(await server.api("GET", `${EXPORT}?api_key=${ADMIN}`, null), 401);
    assertStatus(await server.api("GET", `/reviews/directory/${DIRECTORY_DEMO.otherDirectoryId}/export/`, ADMIN), 403);
    assertStatus(await server.api("GET", `/reviews/directory/${DIR}/export`, READONLY), 200);
  });
});

describe("directory API: strict mode", () => {
  let server: DirectoryServer;
  before(async () => {
    server = await startDirectory(new Clock(), { strict: true });
  });
  after(() => server.close());

  it("lists approved reviews only, whatever the key or the status filter", async () => {
    const list = (await server.api("GET", `/reviews/directory/${DIR}/?page_size=200`, ADMIN)).body as WirePage;
    assert.ok(list.count > 0 && list.results.every((r) => r.status === "A"));
    const pending = (await server.api("GET", `/reviews/directory/${DIR}/?status=P`, ADMIN)).body as WirePage;
    assert.equal(pending.count, 0);
  });
});

function assertStatus(answer: { status: number; text: string }, status: number): void {
  assert.equal(answer.status, status, answer.text);
}
