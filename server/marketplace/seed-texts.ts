/**
 * Human-readable material of the demo seed: names, listing titles and review
 * texts. Only `seed.ts` reads this; it picks from these lists with a seeded
 * PRNG, so every start produces the same world.
 */

export const DEMO_GUEST_NAME = "Lena Fischer";
export const DEMO_HOST_NAME = "Kenji Watanabe";
export const DEMO_ADMIN_NAME = "Amara Okafor";

/** Other guests (25), in a fixed order. */
export const GUEST_NAMES = [
  "Aarav Sharma",
  "Chloé Dubois",
  "Mateo Rossi",
  "Yuki Tanaka",
  "Olumide Adeyemi",
  "Ingrid Johansson",
  "Diego Hernández",
  "Fatima Zahra El Amrani",
  "Liam O'Connor",
  "Mei Lin Chen",
  "Santiago Gómez",
  "Anna Kowalska",
  "Kwame Mensah",
  "Elif Yılmaz",
  "Lucas Oliveira",
  "Noor Haddad",
  "Hannah Becker",
  "Rahul Verma",
  "Camille Laurent",
  "Tomáš Novák",
  "Aisha Bello",
  "Jonas Berg",
  "Valentina Ricci",
  "Hiroshi Sato",
  "Zeynep Kaya",
] as const;

/** Other hosts (8). */
export const HOST_NAMES = [
  "Marta Silva",
  "Pierre Lefèvre",
  "Ana Popescu",
  "David Cohen",
  "Sipho Ndlovu",
  "Isabella Costa",
  "Erik Andersen",
  "Leilani Kahale",
] as const;

/** Titles of the 30 listings of the search grid; the first one is the main listing. */
export const LISTING_TITLES = [
  "Alfama rooftop loft with river view",
  "Quiet garden studio near Príncipe Real",
  "Tiled family flat by the Gulbenkian park",
  "Canal-side houseboat in De Pijp",
  "Bright attic room under the Montmartre roofs",
  "Stone cottage in the Douro vineyards",
  "Minimalist apartment next to Shibuya crossing",
  "Surf shack two minutes from Ericeira beach",
  "Art deco suite on Andrássy Avenue",
  "Log cabin on a lake in Värmland",
  "Whitewashed cave house in Oia",
  "Converted warehouse loft in Kreuzberg",
  "Riad room with a courtyard fountain, Marrakesh",
  "Treehouse in the Monteverde cloud forest",
  "Harbour-view terrace flat in Valletta",
  "Sunny two-bedroom in Palermo Soho",
  "Farmhouse with an olive grove, Puglia",
  "Design studio near the Cape Town waterfront",
  "Timber chalet below the Matterhorn",
  "Brownstone garden floor in Brooklyn",
  "Beach bungalow in Hoi An",
  "Fisherman's cottage on the Lofoten coast",
  "Loft above a bakery in Trastevere",
  "Mountain lodge near Banff townsite",
  "Colonial courtyard house in Cartagena",
  "Tiny house among the vines of Stellenbosch",
  "Seafront apartment in Split old town",
  "Hanok guesthouse in Bukchon village",
  "Glass cabin under the northern lights, Rovaniemi",
  "Modernist villa with a pool, Palm Springs",
] as const;

/** The public reviews of the main listing: rating, text, and how many days ago. */
export const MAIN_PUBLIC_REVIEWS: ReadonlyArray<{ rating: number; daysAgo: number; text: string }> = [
  {
    rating: 5,
    daysAgo: 19,
    text: "The terrace is everything the photos promise. We had breakfast up there every morning and watched the ferries cross the river. Kenji left a hand-drawn map of the neighbourhood bakeries, which we used until it fell apart.",
  },
  {
    rating: 4,
    daysAgo: 33,
    text: "Lovely loft, spotless and well equipped. The stairs are steep and there is no lift, so pack light. Tram 28 rattles past early in the morning, earplugs are provided and you will want them.",
  },
  {
    rating: 5,
    daysAgo: 51,
    text: "We came for a week of remote work and the wifi never dropped once, even on video calls. The desk by the window has the best view I have ever had from a laptop. Check-in was smooth and Kenji answered every message within minutes.",
  },
  {
    rating: 3,
    daysAgo: 64,
    text: "Great location and a beautiful terrace, but the bedroom got very warm at night in August. There is a fan, no air conditioning. The kitchen is small but has what you need. Fine for a short stay, I would think twice in high summer.",
  },
  {
    rating: 5,
    daysAgo: 88,
    text: "I travelled to Lisbon for my fortieth birthday and wanted somewhere special, and this loft was exactly that. On the first evening I sat on the terrace with a glass of vinho verde while the sun went down behind the castle, and the whole city turned orange and then pink. The flat itself is thoughtfully furnished: good linen, a proper coffee machine, a shelf of books in four languages and a record player with a small but excellent collection of fado. Kenji had left a list of restaurants that are not in any guidebook, and every single one was a hit, especially the tiny grilled sardine place at the bottom of the hill. The only thing to know is that the climb up from the river is steep, but after a few days you stop noticing. I would come back tomorrow.",
  },
  {
    rating: 4,
    daysAgo: 102,
    text: "Charming and quiet once the day-trippers leave. The shower pressure is a bit weak on the top floor. Otherwise everything was as described and the host was friendly and flexible with our late arrival.",
  },
  {
    rating: 2,
    daysAgo: 131,
    text: "The view is stunning but our stay was spoiled by building work next door that started at eight every morning. We were not told about it before arriving. Kenji apologised and offered a partial refund, which we appreciated, but it was hard to relax.",
  },
  {
    rating: 5,
    daysAgo: 157,
    text: "Perfect base for exploring the old town on foot. Clean, bright, and the bed is very comfortable. Small touches like fresh flowers and local pastries on arrival made it feel like a friend's place.",
  },
  {
    rating: 4,
    daysAgo: 183,
    text: "Really enjoyed our four nights. The loft is compact, so two people is the right number, not three. Street noise on weekend nights until about one, but that is Alfama. We would stay again.",
  },
  {
    rating: 1,
    daysAgo: 209,
    text: "Unfortunately the hot water failed on our second day and was only fixed on the fourth. We had to shower at a gym. The host was responsive by message but the repair took far too long for the price we paid.",
  },
  {
    rating: 5,
    daysAgo: 236,
    text: "Magical. We got engaged on that terrace. Enough said.",
  },
  {
    rating: 4,
    daysAgo: 262,
    text: "Very nice apartment with character: old wooden beams, tiled floors, big windows. A few things show their age, a wobbly chair and a sticky drawer, but nothing that bothered us. Excellent communication.",
  },
  {
    rating: 3,
    daysAgo: 291,
    text: "Mixed feelings. The loft itself is lovely and the host is kind, but finding the entrance the first time was a challenge, the instructions mention a blue door and there are three. The mattress was softer than we like. Good value in the low season though.",
  },
  {
    rating: 5,
    daysAgo: 318,
    text: "Our second stay here and it was as good as the first. Kenji remembered that we like strong coffee and left a bag of beans from a roaster around the corner. The terrace in spring, with the jacaranda trees in bloom below, is something I will not forget.",
  },
  {
    rating: 5,
    daysAgo: 347,
    text: "I am a slow traveller and usually stay a month in each city, so I am picky about kitchens, desks and beds, and this loft gets all three right. The kitchen has sharp knives, a heavy pan and real olive oil, the desk is at the correct height, and the mattress is firm without being hard. Laundry is a short walk away and the host's notes explain which machines to avoid. The neighbourhood changes completely over the day: busy and touristy in the afternoon, and then, after eight, it belongs to the people who live there again, with old men playing cards and kids kicking balls against the church wall. I learned enough Portuguese from the lady at the corner shop to order bread properly by the end of my stay. If you can, stay longer than a weekend; the place rewards it.",
  },
  {
    rating: 4,
    daysAgo: 376,
    text: "Good stay overall. The photos make the living room look slightly bigger than it is. Plenty of towels and a hair dryer, and the neighbourhood is full of little places to eat.",
  },
  {
    rating: 2,
    daysAgo: 405,
    text: "Not for us. We arrived late at night with two suitcases and the climb was genuinely difficult. The bedroom is in a mezzanine with low ceiling, and my partner hit his head twice. Clean and nicely decorated, but the layout did not work for us.",
  },
  {
    rating: 5,
    daysAgo: 441,
    text: "One of the best stays we have had anywhere. Peaceful, beautiful, and looked after with obvious care.",
  },
  {
    rating: 4,
    daysAgo: 478,
    text: "Solid four stars. The view and location are five stars; the bathroom is a little cramped and the extractor fan is loud. Kenji arranged an airport taxi for us at a fair price, which was helpful after a night flight.",
  },
  {
    rating: 3,
    daysAgo: 512,
    text: "The loft is pretty but we had a problem with mosquitoes because the windows have no screens. The host brought a plug-in repellent the next day. Lovely terrace, average sleep.",
  },
  {
    rating: 5,
    daysAgo: 549,
    text: "Everything was perfect, from the welcome note to the checkout instructions. The bed linen smelled of lavender and the terrace loungers are the comfiest in Lisbon.",
  },
  {
    rating: 4,
    daysAgo: 588,
    text: "We spent New Year's Eve on the terrace watching the fireworks over the river, which was unforgettable. The heating is a couple of oil radiators; they were enough, but the loft takes a while to warm up in winter. Friendly and helpful host.",
  },
  {
    rating: 5,
    daysAgo: 641,
    text: "I booked this loft for a week-long writing retreat, and I finished two chapters, which says a lot about how calm and inspiring it is. Mornings were for writing at the window with the river below; afternoons were for walking down to the Feira da Ladra flea market or up to the Graça viewpoint; evenings were for the terrace and a notebook. The flat is tidy and simple, with nothing superfluous, and everything you do need is where you expect it. Kenji was discreet and available, and when a storm knocked out the power in the whole street he came by with candles and a camping stove so I could still make tea. Small kindnesses like that are why I will recommend this place to every writer I know.",
  },
  {
    rating: 1,
    daysAgo: 702,
    text: "The listing says sleeps four but the sofa bed is really only big enough for one child. We had to book a second room elsewhere for two nights. Disappointing and expensive.",
  },
];

/**
 * Reviews of the main listing that must never reach a public page, by state.
 * `daysAgo` is when they were submitted.
 */
export const MAIN_HIDDEN_REVIEWS = {
  pendingPublished: [
    {
      rating: 4,
      daysAgo: 3,
      text: "Lovely stay, the terrace is gorgeous at sunset. Beware of the steep stairs with luggage.",
    },
    {
      rating: 2,
      daysAgo: 4,
      text: "Beautiful place but the cleaning was not great when we arrived: hair in the shower and crumbs on the sofa.",
    },
  ],
  approvedUnpublished: [
    {
      rating: 5,
      daysAgo: 5,
      text: "Wonderful few days. Kenji's restaurant tips were perfect and the loft was spotless.",
    },
    {
      rating: 3,
      daysAgo: 8,
      text: "Nice loft, noisy street on Friday night. Good value overall.",
    },
  ],
  rejected: [
    {
      rating: 1,
      daysAgo: 120,
      text: "Don't book through the site, message me on my number and I will get you a cheaper rate at my cousin's place down the street.",
    },
    {
      rating: 5,
      daysAgo: 260,
      text: "BEST LOFT EVER!!! Visit my travel blog for discount codes and win a free trip, link in my profile!!!",
    },
  ],
  deleted: [
    {
      rating: 3,
      daysAgo: 190,
      text: "Posted to the wrong listing by mistake, sorry. This was meant for the flat we stayed in in Porto.",
    },
    {
      rating: 4,
      daysAgo: 330,
      text: "Nice place, but this review mentioned the door code and was removed by a moderator.",
    },
  ],
  pendingUnpublished: [
    {
      rating: 4,
      daysAgo: 1,
      text: "Just checked out. Great terrace and a very comfortable bed; the street was quieter than we expected.",
    },
  ],
} as const;

/**
 * Pools for composing the reviews of the other listings: an opening sentence
 * by rating, one or two detail sentences by tone, and a closing sentence.
 */
export const LISTING_OPENERS: Readonly<Record<number, readonly string[]>> = {
  5: [
    "An absolute gem of a place.",
    "We loved every minute of our stay.",
    "Exceeded our expectations in every way.",
    "Easily one of the nicest places we have stayed in.",
    "Just perfect for a long weekend.",
  ],
  4: [
    "A really pleasant stay with only small niggles.",
    "Very good place, would recommend.",
    "Comfortable, clean and well located.",
    "We had a great time here.",
  ],
  3: ["A decent stay, but not without issues.", "Okay for the price.", "Some good points and some less good ones."],
  2: ["Not quite what we expected from the photos.", "Our stay had more problems than it should have."],
  1: ["Sadly we cannot recommend this place.", "A disappointing experience from the start."],
};

export const LISTING_DETAILS_GOOD = [
  "The bed was very comfortable and the linen felt fresh.",
  "Check-in was easy and the instructions were clear.",
  "The kitchen had everything we needed to cook proper meals.",
  "The host replied within minutes whenever we had a question.",
  "It was quiet at night, so we slept really well.",
  "The view from the window was even better than in the pictures.",
  "Shops, cafés and public transport are all within a short walk.",
  "It was spotlessly clean when we arrived.",
  "There were thoughtful extras like local snacks and a guidebook.",
] as const;

export const LISTING_DETAILS_BAD = [
  "The wifi kept dropping, which made working difficult.",
  "The heating was hard to control and the rooms were often cold.",
  "Street noise carried into the bedroom until late.",
  "The bathroom needed a deep clean.",
  "The place was smaller than the listing suggests.",
  "Parking nearby was almost impossible to find.",
  "Some appliances were broken and were not fixed during our stay.",
] as const;

export const LISTING_CLOSERS: Readonly<Record<number, readonly string[]>> = {
  5: ["We are already planning our return.", "Highly recommended.", "Thank you for a wonderful stay!"],
  4: ["We would happily stay again.", "Good value overall.", "Recommended."],
  3: ["Fine for a night or two.", "With a few fixes it could be great."],
  2: ["We hope the host sorts these things out.", "We would look elsewhere next time."],
  1: ["We left a day early.", "Not worth the money."],
};

/** Guests reviewing their host. */
export const HOST_REVIEW_TEXTS: Readonly<Record<number, readonly string[]>> = {
  5: [
    "A wonderful host: warm, helpful and full of great local tips.",
    "Communication was fast and friendly from booking to checkout.",
    "Went out of their way to make our arrival easy after a delayed flight.",
  ],
  4: ["Friendly and responsive host, although check-in details came a bit late.", "Helpful host who respected our privacy."],
  3: ["The host was polite but hard to reach during the day."],
  2: ["Slow to respond when something went wrong."],
  1: ["The host did not answer our messages about a broken lock."],
};

/** Hosts reviewing their guest. */
export const GUEST_REVIEW_TEXTS: Readonly<Record<number, readonly string[]>> = {
  5: [
    "A perfect guest: clear communication and left the place spotless.",
    "Lovely guest, respectful of the house rules and the neighbours. Welcome back any time.",
    "Easy to host, punctual for check-in and checkout.",
  ],
  4: ["Good guest, left the place tidy. A small delay at checkout.", "Friendly guest, communication was smooth."],
  3: ["Fine stay, but the house rules about noise were not always followed."],
  2: ["The flat needed extra cleaning after this stay."],
  1: ["Guest brought extra people without asking and ignored house rules."],
};
