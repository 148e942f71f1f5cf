/**
 * Who gives the figures of a sentence, as a copy editor reads the attribution: "…, according to the
 * ministry", "…, the justice minister said, making it…", "The interior ministry said …", "X
 * estimate that …", "The minister, a former banker, told the House that …", "…, said Ali Nasir
 * Rizvi", "officials acknowledged that …", a transcript's "GOVERNOR GREEN:". Each clause may have
 * its own ("Organisers put the turnout at 250,000, while police estimated it at 60,000"). Returns
 * the speaker's words as written, never a fragment of the sentence: words that do not read as a
 * speaker (a verb, a dangling article) are no speaker. Pronouns and words like "the agency" are
 * returned as written, for the reader to resolve against the speakers before them.
 */

const SPEECH_WORDS = [
  "said",
  "says",
  "say",
  "told",
  "tells",
  "reported",
  "reports",
  "confirmed",
  "confirms",
  "announced",
  "announces",
  "stated",
  "states",
  "added",
  "adds",
  "estimated",
  "estimates",
  "estimate",
  "counted",
  "claimed",
  "claims",
  "claim",
  "alleged",
  "alleges",
  "allege",
  "acknowledged",
  "acknowledges",
  "admitted",
  "admits",
  "tweeted",
  "wrote",
  "posted",
  "revealed",
  "insisted",
  "warned",
  "noted",
  "informed",
  "informs",
  "predicted",
  "predicts",
  "projected",
  "projects",
  "expects",
  "forecast",
  "forecasts",
];
const SPEECH = SPEECH_WORDS.join("|");
/** Verbs that attribute only at the end of a sentence or before "that": "…, the report found", "census data show". */
const FINDING = "found|finds|showed|shows|show|suggested|suggests|indicated|indicates";
/** "put the number at", "put the turnout at": an estimate. */
const PUT = String.raw`(?:put|puts|putting|estimated|estimates|estimate|pegged|pegs|placed|places)\s+(?:the|its|their|it|them)?\s*(?:[\p{L}'’-]+\s+){0,3}?at`;
/** What may follow the verb of an attribution before the clause ends: its day, where, how, to whom. */
const TAIL = String.raw`(?:\s+(?!(?:that|it|he|she|they)\b)(?![$£€₹]?\d[\d,.]*(?:[\s,;.!?]|$))[^\s,;.!?"“”]+){0,8}?`;
/** The day or occasion after a speaker named after the verb: "…, said the ministry on Monday." */
const WHEN = String.raw`(?:\s+(?:on|late\s+on|early\s+on|last|this|in\s+an?|at\s+an?)\s+[\p{L}\p{N}'’]+(?:\s+[\p{L}\p{N}'’]+)?|\s+(?:yesterday|today|tonight|\p{L}+day))?`;
const NAME = String.raw`[\p{L}\p{N}'’.&-]+`;
const SPEAKER = String.raw`((?:${NAME}\s+){0,9}?${NAME})`;

/** "…, county officials said, making it…", "…," Police Chief John Pelletier said at a briefing on Monday." */
const SAID_AFTER = new RegExp(
  String.raw`(?:^|[,:]["'”’]?\s*|["”]\s+)${SPEAKER}\s+(?:also\s+|later\s+|earlier\s+|had\s+|has\s+|have\s+)?(?:${SPEECH}|${FINDING})${TAIL}\s*(?:[,;]|[.!?]?["'”’]?\s*$)`,
  "iu",
);
/** "…, said the interior ministry.", '"…," said Maria Lopez, a spokeswoman for the organisers.' */
const SAID_BEFORE = new RegExp(
  String.raw`(?:,["'”’]?|["”])\s*(?:said|says|told|added|wrote|tweeted|reported|announced|confirmed|estimated|alleged|claimed)\s+${SPEAKER}${WHEN}\s*(?:[,;]|[.!?]?["'”’]?\s*$)`,
  "iu",
);
/** "The interior ministry said …", "Governor Josh Green told reporters that …", at a clause's start. */
const SUBJECT = new RegExp(
  String.raw`^(?:[^,]{0,40},\s*)?${SPEAKER}(\s*,\s*[^,]{1,60},)?\s+(?:(?:also|later|earlier|previously|has|have|had|on\s+\p{L}+)\s+)?(?:(?:${SPEECH})(?:\s+(?:the\s+)?(?:House|Assembly|Lok\s+Sabha|Rajya\s+Sabha|Parliament|Senate|Congress|reporters|journalists|lawmakers|legislators|AFP|Reuters|AP|the\s+BBC|\p{Lu}\p{L}+))?|(?:${FINDING})\s+that|${PUT})(?![\p{L}])`,
  "iu",
);
/** "according to X", "according to estimates from X". */
const ACCORDING = /(?:^|[^\p{L}])according\s+to\s+((?:[^,;:.!?()]|\.(?=\p{L}))+?)\s*(?:[,;:!?)]|\.(?!\p{L})|$)/iu;

/** Words that stand for somebody a chart cannot name: "as reported by he". */
const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them|us)$/iu;

export function isPronoun(words: string): boolean {
  return PRONOUN.test(words.trim());
}

/**
 * "The agency", "the company": a speaker named before, or nobody. A chart cannot say "as reported
 * by the agency".
 */
const ANAPHOR =
  /^the\s+(?:agency|company|ministry|department|commission|firm|group|organi[sz]ation|bank|council|authority|bureau|office|club|union|body|board|institute|centre|center|service|carrier|airline|operator|utility|charity|regulator|fund|force)$/iu;

export function isAnaphor(words: string): boolean {
  return isPronoun(words) || ANAPHOR.test(words.trim());
}

/** Words no speaker starts or ends with, or holds: they make a fragment of the sentence. */
const BAD_START =
  /^(?:there|this|that|which|who|whom|and|but|as|of|to|in|on|at|for|with|by|from|so|if|when|while|where|because|although|though|after|before|since|then|also)$/iu;
const BAD_END =
  /^(?:a|an|the|of|to|and|or|in|on|at|for|with|by|from|its|their|his|her|our|was|were|is|are|be|been|has|have|had)$/iu;
const BAD_WORD =
  /^(?:which|that|who|whom|when|where|because|while|although|though|if|was|were|is|are|be|been|being|would|could|should|will|can|may|might|must|did|does|do|paid|made|gave|took|rose|fell|left|came|went|got|hit|cut|put|set|saw|won|lost|reached|stood|remained|killed|injured|burned|burnt|destroyed|damaged|arrested|deployed|fired|pulled|seized|recovered|opened)$/iu;

/** Whether words read as who speaks: a name, an office, a body; never a fragment of the sentence. */
export function isSpeaker(words: string): boolean {
  const list = words.trim().split(/\s+/);
  if (list.length === 0 || list.length > 10 || /\d/.test(words)) return false;
  if (BAD_START.test(list[0]) || BAD_END.test(list[list.length - 1])) return false;
  // "The number of people confirmed dead stands at 58": what is counted, not who counts it.
  if (/^(?:the\s+)?(?:number|total|toll|death\s+toll|count|tally|figure|share|rate|level)(?:\s|$)/iu.test(words.trim()))
    return false;
  if (list.some((w) => /^\p{Ll}/u.test(w) && BAD_WORD.test(w))) return false;
  // A lower-case past tense reads as a verb: "the company reported", "prices jumped".
  if (list.some((w) => /^\p{Ll}[\p{L}]*ed$/u.test(w) && !/^(?:united|armed|retired|elected|appointed)$/iu.test(w)))
    return false;
  return true;
}

function clean(words: string): string {
  return words
    .trim()
    .replace(/^[\p{Lu}\s]+\s+[—–-]\s+/u, "")
    .replace(/^(?:data|figures|estimates|statistics|numbers|a\s+count|counts|a\s+tally)\s+(?:from|by|of)\s+/iu, "")
    .replace(/[.,;:!?]+$/, "")
    .replace(/\s+/g, " ");
}

/** A transcript's speaker label: "GOVERNOR GREEN:", "FINANCE MINISTER RAO:", "Q:"; its speaker, in title case. */
const LABEL = /^\s*((?:\p{Lu}[\p{Lu}.'’-]*\s+){0,5}\p{Lu}[\p{Lu}.'’-]+)\s*:\s/u;

export function speakerLabel(sentence: string): { speaker: string; end: number } | undefined {
  const m = LABEL.exec(sentence);
  if (!m || /\d/.test(m[1])) return undefined;
  const speaker = m[1]
    .trim()
    .split(/\s+/)
    .map((w) => (w.length <= 2 && /\./.test(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(" ");
  return { speaker, end: m[0].length };
}

/** Where clauses with their own speakers meet: "…, while police estimated…", "…; officials said…". */
const CLAUSE = /;|,\s+(?:while|whereas|but|although|though)\s+|\s[—–]\s/giu;

export interface Attribution {
  speaker: string;
  /** The clause it attributes, by offsets in the sentence. */
  start: number;
  end: number;
}

/** The speaker of each clause of a sentence that names one, in order. */
export function findAttributions(sentence: string): Attribution[] {
  const found: Attribution[] = [];
  let from = 0;
  const cuts = [...sentence.matchAll(CLAUSE)].map((m) => ({ at: m.index ?? 0, next: (m.index ?? 0) + m[0].length }));
  cuts.push({ at: sentence.length, next: sentence.length });
  for (const cut of cuts) {
    const clause = sentence.slice(from, cut.at);
    const speaker = clauseSpeaker(clause);
    if (speaker) found.push({ speaker, start: from, end: cut.at });
    from = cut.next;
  }
  return found;
}

function clauseSpeaker(clause: string): string {
  const text = clause.trim();
  const according = ACCORDING.exec(text);
  if (according && isSpeaker(clean(according[1]))) return clean(according[1]);
  for (const pattern of [SAID_AFTER, SAID_BEFORE]) {
    for (const m of matchesFrom(pattern, text)) {
      const words = clean(m);
      if (isSpeaker(words) || isAnaphor(words)) return words;
    }
  }
  const subject = SUBJECT.exec(text);
  if (subject) {
    // "Hawaii's governor, Josh Green, said": the name between commas is the speaker.
    const apposition = subject[2]?.replace(/^\s*,\s*|\s*,$/g, "").trim();
    if (apposition && /^(?:\p{Lu}[\p{L}'’.-]*\s*)+$/u.test(apposition) && isSpeaker(apposition))
      return clean(apposition);
    const words = clean(subject[1]);
    if (isSpeaker(words) || isAnaphor(words)) return words;
  }
  return "";
}

const WINDOW = 240;
const ANCHORED = new Map<RegExp, RegExp>();

/**
 * The speaker group of a pattern, tried at every start where a shorter speaker could begin:
 * "The toll rose to 99, county officials said" must give "county officials", not the whole clause.
 */
function matchesFrom(pattern: RegExp, text: string): string[] {
  const out: string[] = [];
  const starts = [0, ...[...text.matchAll(/[,:"“”]\s*/gu)].map((m) => m.index ?? 0)];
  const anchored = ANCHORED.get(pattern) ?? new RegExp(`^(?:${pattern.source})`, pattern.flags);
  ANCHORED.set(pattern, anchored);
  for (const at of starts) {
    // An attribution is short: each start looks at a window, so a long clause costs its length, not its square.
    let window = text.slice(at, at + WINDOW);
    if (at + WINDOW < text.length) window = window.slice(0, Math.max(1, window.lastIndexOf(",") + 1));
    const m = (at === 0 ? pattern : anchored).exec(window);
    if (m) out.push(m[1]);
  }
  return out;
}

/** The speaker a sentence names for all its figures (its first clause's, else any): for callers that need one. */
export function findSpeaker(sentence: string): string {
  const found = findAttributions(sentence);
  const speaker = found[0]?.speaker ?? "";
  return isPronoun(speaker) ? "" : speaker;
}
