import { DAY_MS, type Clock } from "../clock.ts";
import { PERMISSIONS, type ApiKey, type DirectoryRecord, type Entry, type Permission, type ReviewRecord, type ReviewStatus, type UserRef } from "./model.ts";
import { seededRandom, type Random } from "./prng.ts";
import type { World } from "./store.ts";

/** Named ids of the demo world: stable across runs and resets. */
export interface DirectoryDemo {
  directoryId: string;
  entries: ReadonlyArray<{ id: string; title: string }>;
  keys: { admin: string; readonly: string; proxy: string };
  otherDirectoryId: string;
  /** Admin key of `other-directory` (for isolation tests). */
  otherAdminKey: string;
  /** Entries that have reviews, but none approved. */
  unapprovedEntryIds: readonly string[];
  /** The entry with no reviews at all. */
  emptyEntryId: string;
}

interface EntryPlan extends Entry {
  /** How many reviews of each status the seed gives this entry. */
  plan: { A: number; D: number; P: number };
}

const DEMO_ENTRIES: readonly EntryPlan[] = [
  { id: "688509ac-f67f-4dd2-9232-97951263b765", owner: "org-0dab3dd4", title: "Northwind Cloud Consulting", plan: { A: 9, D: 1, P: 1 } },
  { id: "994e7098-deee-4124-9d07-5660f7019096", owner: "org-c3085089", title: "Bluefin Digital Agency", plan: { A: 7, D: 0, P: 1 } },
  { id: "fd44a9cc-70a8-40db-bc78-20aad50a01c7", owner: "org-c37776d7", title: "Copperleaf Systems Integration", plan: { A: 6, D: 1, P: 1 } },
  { id: "a6a45d54-4996-44ec-b6f3-26fe30c2d227", owner: "org-00760e4a", title: "Harbor & Pine Analytics", plan: { A: 5, D: 1, P: 0 } },
  { id: "1cd16ea9-d0d9-4651-8c58-7eef02c07611", owner: "org-8b49b838", title: "Meridian Data Partners", plan: { A: 5, D: 0, P: 1 } },
  { id: "24fd94d0-a070-45d2-b911-f2fe2e4205c3", owner: "org-f75af1f4", title: "Lanternfish Creative Studio", plan: { A: 4, D: 1, P: 1 } },
  { id: "dee7c786-e588-41f2-aab1-3e87afb006f8", owner: "org-738cfba5", title: "Ironbridge Solutions Group", plan: { A: 4, D: 0, P: 1 } },
  { id: "e84cc5f6-51c3-4490-a3ae-0c66ea7250ae", owner: "org-4017c13a", title: "Summit Ridge Implementation Co.", plan: { A: 3, D: 1, P: 0 } },
  { id: "5746eda2-27e2-408c-8aa0-8b23ba2e52ef", owner: "org-e83505e7", title: "Tidewater CRM Advisors", plan: { A: 3, D: 0, P: 1 } },
  { id: "dcca57a5-5e18-4fe1-9554-0941c572cbec", owner: "org-02be902d", title: "Quarry Lane Software", plan: { A: 0, D: 1, P: 2 } },
  { id: "224e5c94-f898-4c42-90ab-5a40e1e99cf1", owner: "org-51c34be5", title: "Brightwell Marketing Ops", plan: { A: 0, D: 0, P: 2 } },
  { id: "caafbc33-5a35-4995-af6e-571dab40ccf8", owner: "org-967782d3", title: "Fernhill Security Integrators", plan: { A: 0, D: 0, P: 0 } },
];

const OTHER_ENTRIES: readonly EntryPlan[] = [
  { id: "3f55829a-5815-4463-b9e0-c22c119d1fd7", owner: "org-e7d0b875", title: "Redwood Commerce Partners", plan: { A: 2, D: 0, P: 1 } },
  { id: "98f344c8-353e-4a8e-8d24-591267b9fec9", owner: "org-84978668", title: "Saltmarsh Web Collective", plan: { A: 1, D: 1, P: 0 } },
];

const DEMO_DIRECTORY_ID = "demo-directory";
const OTHER_DIRECTORY_ID = "other-directory";

export const DIRECTORY_DEMO: DirectoryDemo = {
  directoryId: DEMO_DIRECTORY_ID,
  entries: DEMO_ENTRIES.map(({ id, title }) => ({ id, title })),
  keys: { admin: "demo-admin-key", readonly: "demo-readonly-key", proxy: "demo-proxy-key" },
  otherDirectoryId: OTHER_DIRECTORY_ID,
  otherAdminKey: "other-admin-key",
  unapprovedEntryIds: DEMO_ENTRIES.filter((e) => e.plan.A === 0 && e.plan.D + e.plan.P > 0).map((e) => e.id),
  emptyEntryId: "caafbc33-5a35-4995-af6e-571dab40ccf8",
};

const DANA: UserRef = {
  id: "5e0c2b6a-3d41-4f7e-9a12-7c3b1e9d4a01",
  firstName: "Dana",
  lastName: "Whitfield",
  email: "dana@demo.test",
};
const PRIYA: UserRef = {
  id: "8a2f61d3-97c4-4b0e-8e55-0f6d2c7a9b02",
  firstName: "Priya",
  lastName: "Raman",
  email: "priya@demo.test",
};
const PROXY_SERVICE: UserRef = {
  id: "c41e9f07-2b8d-4c6a-b3f1-6e7d8a9c0b03",
  firstName: "Public",
  lastName: "Proxy",
  email: "proxy@demo.test",
};
const OWEN: UserRef = {
  id: "f7d3a0b9-6c21-4e58-9d4b-2a1c3e5f7a04",
  firstName: "Owen",
  lastName: "Castillo",
  email: "owen@other.test",
};

const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

function apiKey(key: string, directoryId: string, user: UserRef, permissions: readonly Permission[]): ApiKey {
  return { key, directoryId, user, permissions: new Set(permissions) };
}

// ---------------------------------------------------------------------------
// Review texts: [title, summary] pairs grouped by tone.

type Text = readonly [title: string, summary: string];

const GLOWING: readonly Text[] = [
  [
    "Exactly the partner we needed",
    "They took over a stalled CRM migration, untangled three years of duplicate records and had our sales team working in the new system within six weeks. Communication was clear at every step and they never oversold.",
  ],
  ["On time and on budget", "Delivered on time and within budget."],
  [
    "Senior people, not juniors",
    "We were worried we would meet the senior architects in the pitch and never see them again. Not the case: the same two people ran the project from kickoff to hand-over.",
  ],
  [
    "Made our rollout painless",
    "Our rollout to 400 users across four offices went without a single blocking ticket. The training sessions were practical and recorded, which our support team still uses.",
  ],
  ["Great documentation", "Every decision ended up in a shared runbook. When we took the platform in-house, there was nothing we had to reverse-engineer."],
  [
    "Would hire again",
    "Second project with them and just as good as the first. They pushed back when our requirements did not make sense, and they were right.",
  ],
  [
    "Strong technical depth",
    "They found the root cause of a sync issue that two previous vendors had blamed on the API. Fixed in a week, with tests so it stays fixed.",
  ],
  ["Fast, friendly, focused", "Weekly demos, short status notes, no surprises on the invoice. Our marketing team finally trusts the data in their dashboards."],
  [
    "Transformed our onboarding",
    "Customer onboarding went from nine days to two. They mapped the whole process with our ops team before writing any code, which made all the difference.",
  ],
  [
    "Reliable through a tough deadline",
    "We had a hard regulatory deadline and a shifting scope. They re-planned twice without drama and still shipped a week early.",
  ],
];

const POSITIVE: readonly Text[] = [
  [
    "Solid work, minor hiccups",
    "Good outcome overall. The first sprint was slow while they learned our stack, but after that the pace was steady and the quality high.",
  ],
  ["Good partner, pricey", "Quality is excellent and the team is easy to work with. They are not the cheapest option, so scope carefully up front."],
  [
    "Knowledgeable and responsive",
    "Answers within the hour, even on Fridays. A couple of deliverables needed a second pass, but they fixed them without argument.",
  ],
  [
    "Helped us clean up our stack",
    "They consolidated five marketing tools into two and wrote the integrations between them. Reporting still needs some work on our side.",
  ],
  [
    "Dependable implementation team",
    "Straightforward implementation with a sensible project plan. I would have liked more proactive suggestions, but they executed what we asked very well.",
  ],
  [
    "Recommended for mid-size teams",
    "Right-sized for a company like ours: big enough to cover holidays and sick days, small enough that we always knew who was working on what.",
  ],
];

const MIXED: readonly Text[] = [
  [
    "Decent, but communication lagged",
    "The technical work was fine. Status updates were irregular though, and we sometimes learned about delays only at the weekly call.",
  ],
  [
    "Okay for simple projects",
    "They handled the standard setup well. Once we needed custom workflows, it took longer than estimated and the estimate was revised twice.",
  ],
  ["Mixed experience", "Great project manager, less experienced developers. The end result works, but we spent more of our own time reviewing than planned."],
];

const CRITICAL: readonly Text[] = [
  [
    "Missed several deadlines",
    "Three of five milestones slipped by more than two weeks, and the final hand-over lacked the documentation we had agreed on in the contract.",
  ],
  [
    "Not a fit for us",
    "They clearly know the platform, but their process is built for much larger clients. Too many meetings, too little progress for a team of our size.",
  ],
];

const DECLINED: readonly Text[] = [
  ["BEST SEO DEALS!!!", "Get first page rankings in 48 hours, guaranteed. Visit our website for cheap backlinks and followers, limited offer today only."],
  ["test", "test test test"],
  ["Wrong company", "I think I meant to review a different agency with a similar name, please ignore this one."],
  ["Terrible", "Worst. Ever. Do not use. (No details given and the reviewer could not be verified as a customer.)"],
];

const FIRST_NAMES = [
  "Jane",
  "Marcus",
  "Aisha",
  "Tomás",
  "Mei",
  "Oliver",
  "Sofia",
  "Kwame",
  "Hannah",
  "Rafael",
  "Ingrid",
  "Dev",
  "Chloé",
  "Samuel",
  "Yuki",
  "Fatima",
  "Lukas",
  "Grace",
  "Mateo",
  "Nadia",
  "Ethan",
  "Amara",
  "Jonas",
  "Leila",
  "Patrick",
  "Zoë",
  "Arjun",
  "Elena",
  "Connor",
  "Beatriz",
] as const;

const LAST_NAMES = [
  "Doe",
  "Okafor",
  "Lindqvist",
  "Moreno",
  "Chen",
  "Bennett",
  "Rossi",
  "Mensah",
  "Schulz",
  "Alves",
  "Haugen",
  "Patel",
  "Lefèvre",
  "Brooks",
  "Tanaka",
  "Haddad",
  "Novak",
  "Kim",
  "Fernández",
  "Petrova",
  "Walsh",
  "Adeyemi",
  "Becker",
  "Karimi",
  "O'Brien",
  "Nakamura",
  "Sharma",
  "Costa",
  "Murphy",
  "Silva",
] as const;

const COMPANIES = [
  "Acme Inc.",
  "Globex Logistics",
  "Initech Payments",
  "Umbrella Health",
  "Stark Outdoor Gear",
  "Wayfarer Travel",
  "Bramble & Co.",
  "Helios Solar",
  "Kestrel Freight",
  "Juniper Dental Group",
  "Orchid Hotels",
  "Pinnacle Insurance",
  "Riverside Clinics",
  "Sable Apparel",
  "Trellis Foods",
  "Vantage Realty",
  "Willow Learning",
  "Yellowtail Fisheries",
  "Zephyr Bikes",
  "Cobalt Robotics",
] as const;

function asciiSlug(text: string, separator: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== "")
    .join(separator);
}

function ratingFor(status: ReviewStatus, random: Random): number {
  const roll = random.next();
  if (status === "D") return random.pick([1, 1, 2, 5]);
  if (roll < 0.5) return 5;
  if (roll < 0.78) return 4;
  if (roll < 0.9) return 3;
  if (roll < 0.96) return 2;
  return 1;
}

/** Draws items in shuffled order and reshuffles when empty, so repeats are rare. */
function deck<T>(items: readonly T[], random: Random): () => T {
  let pile: T[] = [];
  return () => {
    if (pile.length === 0) pile = random.shuffle(items);
    const item = pile.pop();
    if (item === undefined) throw new RangeError("deck() needs a non-empty list");
    return item;
  };
}

interface Decks {
  text: (status: ReviewStatus, rating: number) => Text;
  firstName: () => string;
  lastName: () => string;
  company: () => string;
}

function decks(random: Random): Decks {
  const glowing = deck(GLOWING, random);
  const positive = deck(POSITIVE, random);
  const mixed = deck(MIXED, random);
  const critical = deck(CRITICAL, random);
  const declined = deck(DECLINED, random);
  return {
    text: (status, rating) => {
      if (status === "D") return declined();
      if (rating === 5) return glowing();
      if (rating === 4) return positive();
      if (rating === 3) return mixed();
      return critical();
    },
    firstName: deck(FIRST_NAMES, random),
    lastName: deck(LAST_NAMES, random),
    company: deck(COMPANIES, random),
  };
}

function addReviews(world: World, directoryId: string, entries: readonly EntryPlan[], moderator: UserRef, nowMs: number): void {
  const { random } = world;
  const draw = decks(random);
  const seeded: ReviewRecord[] = [];
  for (const entry of entries) {
    const statuses: ReviewStatus[] = [
      ...Array<ReviewStatus>(entry.plan.A).fill("A"),
      ...Array<ReviewStatus>(entry.plan.D).fill("D"),
      ...Array<ReviewStatus>(entry.plan.P).fill("P"),
    ];
    for (const status of statuses) {
      const rating = ratingFor(status, random);
      const [title, summary] = draw.text(status, rating);
      const firstName = draw.firstName();
      const lastName = draw.lastName();
      const company = random.next() < 0.12 ? "" : draw.company();
      const domain = company ? `${asciiSlug(company, "-")}.example` : "mail.example";
      // Pending reviews are recent; moderated ones spread over ~14 months.
      const ageMs = status === "P" ? random.int(2 * 3600, 12 * 86400) * 1000 : random.int(3 * 86400, 420 * 86400) * 1000 + random.int(0, DAY_MS / 1000) * 1000;
      seeded.push({
        id: random.uuid(),
        directoryId,
        entryId: entry.id,
        title,
        company,
        summary,
        firstName,
        lastName,
        email: `${asciiSlug(firstName, ".")}.${asciiSlug(lastName, "")}@${domain}`,
        rating,
        createdMs: Math.floor((nowMs - ageMs) / 1000) * 1000,
        seq: 0,
        status,
        approvedBy: status === "A" ? { ...moderator } : null,
        declinedBy: status === "D" ? { ...moderator } : null,
      });
    }
  }
  // Insertion order follows creation time, as in a real database.
  seeded.sort((a, b) => a.createdMs - b.createdMs);
  for (const review of seeded) {
    review.seq = world.nextSeq++;
    world.reviews.set(review.id, review);
  }
}

function directoryRecord(id: string, entries: readonly EntryPlan[]): DirectoryRecord {
  return {
    id,
    entries: new Map(entries.map(({ id: entryId, owner, title }) => [entryId, { id: entryId, owner, title }])),
  };
}

/** A fresh, deterministic world: the same data for the same clock time. */
export function seedWorld(clock: Clock): World {
  const nowMs = clock.nowMs();
  const world: World = {
    directories: new Map([
      [DEMO_DIRECTORY_ID, directoryRecord(DEMO_DIRECTORY_ID, DEMO_ENTRIES)],
      [OTHER_DIRECTORY_ID, directoryRecord(OTHER_DIRECTORY_ID, OTHER_ENTRIES)],
    ]),
    reviews: new Map(),
    keys: new Map(
      [
        apiKey(DIRECTORY_DEMO.keys.admin, DEMO_DIRECTORY_ID, DANA, ALL_PERMISSIONS),
        apiKey(DIRECTORY_DEMO.keys.readonly, DEMO_DIRECTORY_ID, PRIYA, [PERMISSIONS.read]),
        apiKey(DIRECTORY_DEMO.keys.proxy, DEMO_DIRECTORY_ID, PROXY_SERVICE, [PERMISSIONS.read, PERMISSIONS.create]),
        apiKey(DIRECTORY_DEMO.otherAdminKey, OTHER_DIRECTORY_ID, OWEN, ALL_PERMISSIONS),
      ].map((k) => [k.key, k]),
    ),
    random: seededRandom(0x5eed_d1c7),
    nextSeq: 1,
  };
  addReviews(world, DEMO_DIRECTORY_ID, DEMO_ENTRIES, DANA, nowMs);
  addReviews(world, OTHER_DIRECTORY_ID, OTHER_ENTRIES, OWEN, nowMs);
  return world;
}
