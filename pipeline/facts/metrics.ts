/**
 * What a figure counts or measures, as the metric a fact sheet records: the noun phrase the number
 * counts ("36 deaths" → deaths, "20,000 security personnel"), people with what happened to them
 * ("412 people were arrested" → people arrested, "1,418 people stayed in five emergency shelters" →
 * people in shelters, "47 people have died" → deaths), the thing a measure or a sum belongs to
 * ("Turnout was 62%" → turnout, "winds of 165 mph" → winds, "180 millimetres of rain" → rain,
 * "kept the repo rate at 6.5" → repo rate), a toll's deaths ("the death toll rose to 12"). Never a
 * function word or a fragment: "" when the words do not say. Pure, and linear in the sentence
 * (every look is a bounded window around the number).
 */

/** Nouns that count people without saying what happened to them: the verb says it. */
const GENERIC = /^(?:people|persons|individuals|others)$/iu;
/** What happened to people, standing for them: "3,400 wounded", "12 dead". */
const STATUS = /^(?:dead|wounded|injured|hurt|missing|displaced|killed|homeless|detained|arrested|evacuated)$/iu;
/** Participles that make a count of people a count of deaths. */
const DEATH = /^(?:killed|dead|died|perished|drowned)$/iu;
/** Verbs before a number of people that say what happened to them: "arrested 412 people". */
const DONE_TO =
  /(?:^|[^\p{L}])(arrested|detained|held|killed|injured|injuring|wounded|wounding|hurt|evacuated|evacuating|rescued|rescuing|displaced|infected|infecting|charged|convicted|deported|jailed|sentenced|treated|hospitali[sz]ed|affected|affecting|killing|kidnapped|abducted|trapped|stranded|housed|sheltered)\s+(?:(?:at\s+least|more\s+than|nearly|almost|about|around|some|over|up\s+to|an\s+estimated)\s+)?$/iu;
/** Words inside no noun phrase: determiners, prepositions, auxiliaries, pronouns. */
const FUNCTION = new Set(
  "the a an its their his her our this that these those of in on at by for to from with and or but was were is are be been has have had will would could can may might should must did do does not no also still said says about some over nearly almost around more than up as much many per worth which who whom whose where when while there it they he she we you i".split(
    " ",
  ),
);
/** Verbs that end a noun phrase before them: "the subsidy bill would fall", "expects growth". */
const VERBS = new Set(
  "expects expect reported approved announced reached set put kept held pay paid rose fell stood stands stand rise rises fall falls grew grow shrank shrunk jumped climbed dropped slowed eased hit hits peaked reach touch touched averaged totalled topped came include includes cover covers receive receives spent taken take takes make makes made need needs face faces remain remains stay stays live lives work works drew draws won lost left went saw gets get got told claimed alleged agreed granted packing taking".split(
    " ",
  ),
);
const isFunction = (w: string) => FUNCTION.has(w.toLowerCase());
const isVerb = (w: string) => VERBS.has(w.toLowerCase()) || /^\p{Ll}+(?:ed|ing)$/u.test(w);
const TIME_WORD =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|week|weeks|month|months|year|years|day|days|night|nights|quarter|period|season|half|fiscal)$/iu;
/** The measure's base, not what it measures: "4.4 per cent of GDP", "23% of its capacity". */
const BASE =
  /^(?:gdp|gsdp|gnp|gross\s+domestic\s+product|the\s+total|total|capacity|its\s+capacity|normal|the\s+average|average|the\s+long-term\s+average|long-term\s+average|its\s+workforce|the\s+workforce|workforce|those|them|it|which|whom)$/iu;
/** A toll's words: "the death toll", "the number of dead". */
const TOLL =
  /(?:death\s+toll|toll|death\s+count|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed)|fatalities)\s+(?:[\p{L}'’-]+\s+){0,12}?$/iu;
/** "The number of people unaccounted for fell to 1,900": what the number counts. */
const NUMBER_OF =
  /(?:^|[^\p{L}])(?:total\s+)?number\s+of\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)\s+(?:(?:has|had|have|had\s+been|has\s+been|was|is|now)\s+)?(?:rose|risen|climbed|fell|fallen|dropped|jumped|reached|stood|stands|was|is|hit|increased|decreased|declined|grew|grown)(?:\s+(?:to|at|by))?\s+$/iu;
/** Verbs done to an area: "has burned 2,170 acres" → acres burned. */
const AREA_VERB =
  /(?:^|[^\p{L}])(burned|burnt|scorched|charred|consumed|blackened|flooded|inundated|razed|destroyed|covered|affected)\s+(?:(?:nearly|almost|about|around|some|more\s+than|over|at\s+least|up\s+to|an\s+estimated)\s+)?$/iu;
/** Verbs that link a measure to what it measures: "Turnout was 62%", "Oil prices rose to $87", "The deficit would fall to". */
const LINK_VERB =
  "is|was|were|are|be|stood|stands|stand|reached|reaches|reach|hit|hits|touched|touch|totalled|totaled|averaged|peaked|topped|top|came|gets|get|got|start|starts|began|rose|rises|rise|risen|climbed|climb|fell|falls|fall|fallen|dropped|drops|drop|slowed|eased|grew|grown|grows|grow|shrank|shrunk|contracted|jumped|surged|soared|plunged|plunge|slumped|declined|increased|decreased|doubled|tripled|halved|cost|costs|exceed|exceeded|crossed|dipped|improved|widened|narrowed|recorded|registered|stayed|remained|remains|remain|kept|revised|estimated|valued|pegged|put|set|fixed|capped|projected|forecast|budgeted|allocated|sanctioned";
const SUBJECT_THEN_LINK = new RegExp(
  String.raw`(?:^|[,;:]\s+|(?<![\p{L}])(?:and|while|but|that|said|says|claimed|alleged|added|warned|told\s+[\p{L}]+)\s+)((?:[\p{L}\d'’.-]+\s+){0,6}?[\p{L}\d'’.-]+)\s+(?:(?:in|for|at|on|across|during)\s+(?:[\p{L}\d'’-]+\s+){1,3}?)?(?:(?:is|are|was|were|will|would|could|may|might|has|have|had|is\s+expected\s+to|are\s+expected\s+to|is\s+projected\s+to|is\s+set\s+to|is\s+likely\s+to|has\s+been|have\s+been|had\s+been)\s+)*(?:${LINK_VERB})(?:\s+(?:unchanged|steady|flat))?(?:\s+by\s+[^\s,;]+(?:\s+\p{L}+){0,2}?|\s+[^\s,;]*\d[^\s,;]*)?(?:\s+(?:to|at|by|of|below|above|from|over|around|about|on|worth))?\s+$`,
  "iu",
);
/** "kept the repo rate at 6.5", "held rates at 5%", "cut the risk of heart attack by": the object measured. */
const OBJECT_THEN_AT =
  /(?:^|[^\p{L}])(?:revised|revises|kept|keeps|keep|held|holds|hold|put|puts|set|sets|raised|raises|raise|cut|cuts|lowered|lowers|left|leaves|pegged|pegs|pushed|pushes|shrunk|shrank|fixed|fixes|capped|caps|brought|brings|took|takes|lifted|lifts|reduced|reduces|slashed|increased|boosted|doubled|trimmed|estimated|estimates)\s+((?:(?:the|its|their|his|her)\s+)?(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)\s+(?:at|to|from|by)\s+$/iu;
/** "expects reconstruction to cost $2.5bn", "forecast inflation to reach 3%": the object the measure is of. */
const OBJECT_TO_LINK = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:expects?|expected|estimates?|estimated|forecasts?|forecast|predicts?|predicted|projects|projected|sees|saw|wants?|needs?)\s+((?:(?:the|its|their|his|her)\s+)?(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+to\s+(?:${LINK_VERB})(?:\s+(?:to|at|by|of|below|above|from|over|around|about|worth))?\s+$`,
  "iu",
);
/** "a loss of £73.5m", "Wind speeds of 210 km/h", "bribes worth €450,000". */
const NOUN_OF = /((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+(?:of|worth)\s+$/iu;

export interface Counted {
  /** Where the number's words start (qualifier included), and where number and unit end. */
  start: number;
  unitEnd: number;
  unit: string;
  /** The noun after the number, as the reader found it ("people", "security personnel"); "" if none. */
  noun: string;
}

/** The metric of one figure of a sentence; "" when the words do not say. */
export function metricOf(sentence: string, r: Counted): string {
  const rest = sentence.slice(r.unitEnd, r.unitEnd + 120);
  const before = sentence.slice(Math.max(0, r.start - 160), r.start);
  const atStart = r.start <= 160;
  if (r.noun) {
    const at = rest.indexOf(r.noun);
    const after = at >= 0 ? rest.slice(at + r.noun.length) : "";
    const [first, ...others] = r.noun.split(/\s+/);
    // "3,400 wounded", "three people dead and": people and what happened to them.
    if (STATUS.test(first) && others.length === 0)
      return DEATH.test(first) ? "deaths" : `people ${first.toLowerCase()}`;
    if (GENERIC.test(first))
      return peopleMetric(first.toLowerCase(), others.length ? ` ${others.join(" ")}${after}` : after, before);
    return deathsOr(r.noun.replace(/^(?:all|the)\s+(?=\S+\s+\S)/iu, "").replace(/^all\s+/iu, ""));
  }
  // "180 millimetres of rain", "80% of Lahaina", "240 of the 543 seats", "$2.3m in aid", "Rs 11.21 lakh crore for capital expenditure".
  const of = /^\s+(of|in|for)\s+/iu.exec(rest);
  if (of) {
    const money = /^(?:\p{Sc}|[A-Z]{1,3}\p{Sc}|Rs\.?|₹)$/u.test(r.unit);
    const phrase = nounPhrase(rest.slice(of[0].length), of[1].toLowerCase() === "of");
    if (phrase && (of[1].toLowerCase() === "of" || (money && /^\p{Ll}/u.test(phrase))) && !BASE.test(phrase))
      return phrase;
  }
  // Patterns that end at the number look at the words just before it: a short window each.
  const near = before.slice(-90);
  if (TOLL.test(near)) return "deaths";
  // "Floods kill at least 41", "an attack that killed 12": the dead, counted by the verb alone.
  if (
    /(?:^|[^\p{L}])(?:kill|kills|killed|killing)\s+(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|an\s+estimated)\s+)?$/iu.test(
      near,
    )
  )
    return "deaths";
  const numberOf = NUMBER_OF.exec(near);
  if (numberOf) return deathsOr(numberOf[1].replace(/^(?:the|those)\s+/iu, ""));
  const area = AREA_VERB.exec(near.slice(-50));
  if (area && r.unit && !/^(?:\p{Sc}|[A-Z]{1,3}\p{Sc}|Rs\.?|₹|%|percentage points)$/u.test(r.unit))
    return `${r.unit} ${area[1]}`;
  // "police estimated it at 60,000": the figure before's, which the reader gives it.
  if (/(?:^|[^\p{L}])(?:it|them)\s+(?:at|to)\s+$/iu.test(near.slice(-20))) return "";
  // "The metro project, costing Rs 22,000 crore,": what the sum is the cost of.
  const costing =
    /((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+),\s+(?:costing|worth|valued\s+at|estimated\s+at|budgeted\s+at)\s+$/iu.exec(
      near,
    );
  if (costing) {
    const words = trimNoun(costing[1], false);
    if (words) return words;
  }
  const nounOf = NOUN_OF.exec(near.slice(-60));
  if (nounOf) {
    const words = trimNoun(nounOf[1], false);
    if (words) return words;
  }
  const objectTo = OBJECT_TO_LINK.exec(near);
  if (objectTo) {
    const words = trimNoun(objectTo[1], false);
    if (words && !/^(?:it|them)$/iu.test(words)) return words;
  }
  const object = OBJECT_THEN_AT.exec(near);
  if (object) {
    const words = trimNoun(object[1], false);
    if (words && !/^(?:it|them)$/iu.test(words)) return words;
  }
  // "Of the 954 people arrested, 120 were women": a count named after the verb.
  const predicate =
    /^\s+(?:were|are)\s+(\p{Ll}[\p{L}-]*s|(?:wo)?men|children|police|staff|personnel|troops)(?=[\s,.;]|$)/u.exec(rest);
  if (predicate && !/ed$/.test(predicate[1]) && !isFunction(predicate[1]) && !isVerb(predicate[1])) return predicate[1];
  const subject = SUBJECT_THEN_LINK.exec(before);
  if (subject) {
    const words = trimNoun(subject[1], atStart && (subject.index ?? 0) === 0);
    // "the count had reached 38", "the figure rose to": a word for the thing counted, not what it is.
    if (
      words &&
      !/^(?:it|they|this|that|which|who|he|she|there|we|i|count|tally|toll|total|figure|number|numbers)$/iu.test(words)
    )
      return words;
  }
  // "Income up to Rs 12 lakh", "Snow up to 40cm deep": the subject just before.
  const bare = /^((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+$/u.exec(before);
  if (bare && atStart) {
    const words = trimNoun(bare[1], true);
    if (words) return words;
  }
  // "The fire has burned 2,170 acres": the measure and what was done ("acres burned").
  const done =
    /(?:^|[^\p{L}])(\p{Ll}+ed)\s+(?:(?:nearly|almost|about|around|some|more\s+than|over|at\s+least|up\s+to|an\s+estimated)\s+)?$/u.exec(
      before,
    );
  if (
    done &&
    r.unit &&
    !/^(?:\p{Sc}|[A-Z]{1,3}\p{Sc}|Rs\.?|₹|%|percentage points)$/u.test(r.unit) &&
    !isFunction(done[1])
  )
    return `${r.unit} ${done[1]}`;
  return "";
}

/** One metric for one toll: "fatalities", "confirmed deaths", "people confirmed dead" are deaths. */
function deathsOr(metric: string): string {
  return /^(?:(?:confirmed|reported|recorded|total)\s+)?(?:deaths|fatalities)$|^(?:people\s+)?(?:confirmed\s+|reported\s+)?(?:dead|killed)$/iu.test(
    metric,
  )
    ? "deaths"
    : metric;
}

/**
 * A noun phrase at the start of the words: "the island's 80 warning sirens" → warning sirens,
 * "copper cable worth" → copper cable; "" if the words start with none.
 */
function nounPhrase(words: string, partitive: boolean): string {
  const list = words.split(/(?=[,.;:!?)])|\s+/u).filter(Boolean);
  const kept: string[] = [];
  let i = 0;
  // Determiners, possessives and a number before the noun: "of the island's 80 warning sirens".
  while (i < list.length && /^(?:the|its|their|his|her|our|all|a|an|\p{L}+['’]s)$/iu.test(list[i])) i++;
  if (
    partitive &&
    i < list.length &&
    /^[\d,.]+$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/iu.test(list[i])
  )
    i++;
  for (; i < list.length && kept.length < 5; i++) {
    const w = list[i];
    // "share of central taxes": "of" inside the phrase, when a noun follows.
    if (
      /^of$/iu.test(w) &&
      kept.length > 0 &&
      list[i + 1] &&
      /^[\p{L}'’-]+$/u.test(list[i + 1]) &&
      !isFunction(list[i + 1])
    ) {
      kept.push(w);
      continue;
    }
    if (!/^[\p{L}'’-]+$/u.test(w) || isFunction(w) || TIME_WORD.test(w)) break;
    if (kept.length === 0 && (VERBS.has(w.toLowerCase()) || /^\p{Ll}+ed$/u.test(w))) break;
    if (kept.length > 0 && isVerb(w) && !/s$/.test(w)) break;
    kept.push(w);
  }
  while (kept.length && isFunction(kept[kept.length - 1])) kept.pop();
  return kept.join(" ");
}

/** People and what happened to them: "people arrested", "deaths", "people in shelters", "people unaccounted for". */
function peopleMetric(noun: string, after: string, before: string): string {
  if (
    /^\s+(?:stayed|slept|sheltered|sheltering|staying|were\s+housed|are\s+housed|remain|remained|were|are)\s+in\s+(?:\S+\s+){0,3}?shelters?(?![\p{L}])/u.test(
      after,
    )
  )
    return `${noun} in shelters`;
  if (/^\s+(?:have\s+|had\s+|has\s+)?(?:died|perished|lost\s+their\s+lives)(?![\p{L}])/u.test(after)) return "deaths";
  // What happened to them: a state ("missing", "dead") as it stands, a participle after its auxiliary.
  const passive =
    /^\s+((?:(?:have|has|had|were|was|are|is|been|being|remained|remain|remains|still|reportedly|now|also|all|later)\s+)*)(unaccounted\s+for|(?:un)?\p{Ll}+(?:ed|en)|hurt|held|shot|dead|missing|homeless|trapped|stranded|injured|lost)(?:\s+(to\s+\p{Ll}+))?(?![\p{L}])/u.exec(
      after,
    );
  const state = /^(?:unaccounted\s+for|dead|missing|homeless|trapped|stranded|injured|wounded|hurt|killed|displaced)$/u;
  const rest = passive ? after.slice(passive.index + passive[0].length) : "";
  // "had filed complaints": an active verb with its object says nothing about the people counted.
  const object =
    /^\s+(?:the|a|an|their|his|her|its|\d[\d,.]*|(?!(?:as|was|is|has|this|thus|plus|across|towards|always|perhaps|unless|whereas)\b)\p{Ll}+s)(?![\p{L}])/u.test(
      rest,
    );
  if (
    passive &&
    !object &&
    (passive[1].trim() || state.test(passive[2]) || DONE_TO.test(`${passive[2]} `)) &&
    !/^(?:(?:wo)?men|children|citizens?|kitchen|been|seen|taken|given|driven|eaten|often)$/u.test(passive[2])
  ) {
    const what = passive[2].replace(/\s+/g, " ");
    if (DEATH.test(what)) return "deaths";
    const purpose =
      passive[3] && /^to\s+(?:evacuate|flee|leave|stay|move|return)$/.test(passive[3]) ? ` ${passive[3]}` : "";
    return `${noun} ${what}${purpose}`;
  }
  const done = DONE_TO.exec(before.slice(-50));
  if (done) {
    // "injuring 12 people" → people injured.
    const participle = done[1].toLowerCase().replace(/ing$/, "ed");
    return DEATH.test(participle) ? "deaths" : `${noun} ${participle}`;
  }
  return noun;
}

/**
 * The noun phrase that ends a run of words, as a subject or an object before its verb or number:
 * "reported revenue" → revenue, "said the deficit" → deficit, "Turkey's 2021 GDP" → GDP, "the
 * average price of a home", "revenue from stamp duty". A sentence's capital is lowered ("Turnout").
 */
function trimNoun(words: string, atStart: boolean): string {
  const list = words.trim().split(/\s+/);
  let from = list.length;
  while (from > 0) {
    const w = list[from - 1];
    if (/^[\p{L}'’-]+$/u.test(w) && !isFunction(w) && !isVerb(w) && !/^\p{L}+['’]s$/u.test(w)) {
      from--;
      continue;
    }
    // "price of a home", "revenue from stamp duty", "damage to crops": a preposition inside the phrase.
    const inner = /^(?:of|from|to)$/iu.test(w)
      ? 1
      : /^(?:a|an|the)$/iu.test(w) && /^(?:of|from|to)$/iu.test(list[from - 2] ?? "")
        ? 2
        : 0;
    if (
      inner &&
      from < list.length &&
      from - inner - 1 >= 0 &&
      /^[\p{L}'’-]+$/u.test(list[from - inner - 1]) &&
      !isFunction(list[from - inner - 1]) &&
      !isVerb(list[from - inner - 1])
    ) {
      from -= inner;
      continue;
    }
    break;
  }
  // "a record capital outlay": the adjectives a metric does without.
  while (
    from < list.length - 1 &&
    /^(?:record|additional|extra|further|proposed|planned|new|initial|revised|latest|overall)$/iu.test(list[from])
  )
    from++;
  const kept = list.slice(from);
  if (kept.length === 0 || kept.length > 6) return "";
  const phrase = kept.join(" ");
  const lower =
    atStart && from === 0 && /^\p{Lu}\p{Ll}/u.test(kept[0]) && !kept.slice(1).some((w) => /^\p{Lu}/u.test(w));
  return lower ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/**
 * "Lahaina and Kihei lost 2,207 and 14 buildings, respectively": each number's item of the list
 * before it, in order; none when the sentence has no "respectively" or the counts differ.
 */
export function respectively(sentence: string, figures: { start: number }[]): string[] {
  const at = sentence.search(/(?<![\p{L}])respectively(?![\p{L}])/iu);
  if (at < 0 || figures.length < 2) return [];
  const lead = sentence.slice(0, figures[0].start);
  const item = String.raw`(?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}`;
  const list = new RegExp(String.raw`(${item}(?:\s*,\s*${item})*,?\s+and\s+${item})`, "gu");
  let last: RegExpMatchArray | undefined;
  for (const m of lead.matchAll(list)) last = m;
  if (!last) return [];
  const items = last[1]
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/u)
    .filter(Boolean)
    .map((x) => x.replace(/^(?:The|A|An)\s+/u, ""));
  const listed = figures.filter((f) => f.start < at);
  return items.length === listed.length ? items : [];
}

/** Words that make a later figure of the sentence the same series as the one before: "up from 65", "to 75,000", "estimated it at". */
/** A generic noun a later number shares with the one before: "killed 2,100 people and injured more than 5,000". */
export const isGeneric = (noun: string) => GENERIC.test(noun);

export const SAME_SERIES =
  /(?:(?:up|down|rising|falling|compared|against|versus|vs\.?|from|to|than)|(?:it|them)\s+at|a\s+year\s+(?:earlier|ago)\s+(?:of|at))\s+(?:(?:Rs\.?|\p{Sc})\s*)?$/iu;
