/**
 * Who gives the figures of a sentence, as a copy editor reads the attribution: "…, according to the
 * ministry", "…, the justice minister said", "The interior ministry said …", "The government
 * reported …", "…, said Ali Nasir Rizvi". Returns the speaker's words as written, or "".
 */

const SPEECH =
  "said|says|say|told|reported|reports|confirmed|confirms|announced|announces|stated|states|added|adds|estimated|estimates|counted|claimed|claims|tweeted|wrote|posted|revealed|insisted|warned|noted|put the (?:number|figure|toll|total) at";
const SPEAKER = String.raw`((?:[\p{L}\p{N}'’.-]+\s+){0,9}?[\p{L}\p{N}'’.-]+)`;

const ACCORDING = new RegExp(String.raw`\baccording\s+to\s+([^,;:.!?()]+?)\s*(?:[,;:.!?)]|$)`, "iu");
/** ", the justice minister said." at the end of a sentence, or ", officials said." */
const WHEN = String.raw`(?:\s+(?:on|late\s+on|early\s+on|last|this|in\s+a)\s+[\p{L}\p{N}'’]+(?:\s+[\p{L}\p{N}'’]+)?|\s+(?:yesterday|today|tonight|\p{L}+day))?`;
const SAID_AFTER = new RegExp(String.raw`,\s*${SPEAKER}\s+(?:${SPEECH})${WHEN}\s*[.!?]?["'”’]?$`, "iu");
/** ", said the interior ministry." */
const SAID_BEFORE = new RegExp(String.raw`,\s*(?:${SPEECH})\s+${SPEAKER}${WHEN}\s*[.!?]?["'”’]?$`, "iu");
/** "The interior ministry said 875 …" at the start, or after an opening phrase ("On Monday, police said …"). */
const SUBJECT = new RegExp(
  String.raw`^(?:[^,]{0,40},\s*)?${SPEAKER}\s+(?:(?:also|later|earlier|previously|has|have|had)\s+)?(?:${SPEECH})(?:\s+(?:on\s+\p{L}+|that|in\s+a\s+statement))?\b`,
  "iu",
);

/** Words that stand for somebody a chart cannot name: "as reported by he". */
const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them|us)$/iu;

export function isPronoun(words: string): boolean {
  return PRONOUN.test(words.trim());
}

/** Words that start no speaker: a pronoun, "there", a conjunction. */
const NOT_A_SPEAKER = /^(?:there|this|that|which|who|and|but|as|a|an|the)$/iu;
/** "The damage was estimated at …" is passive: nobody is named. */
const PASSIVE = /\s(?:was|were|is|are|be|been|being)$/iu;

export function findSpeaker(sentence: string): string {
  const text = sentence.trim();
  const according = ACCORDING.exec(text);
  if (according) return clean(according[1]);
  const after = SAID_AFTER.exec(text) ?? SAID_BEFORE.exec(text);
  // "…, he said": a pronoun names nobody a chart can credit ("as reported by he").
  if (after && (isPronoun(after[1]) || NOT_A_SPEAKER.test(after[1].trim()))) return "";
  if (after && !/\d/.test(after[1])) return clean(after[1]);
  const subject = SUBJECT.exec(text);
  if (
    subject &&
    !/\d/.test(subject[1]) &&
    !isPronoun(subject[1]) &&
    !NOT_A_SPEAKER.test(subject[1].trim()) &&
    !PASSIVE.test(subject[1])
  )
    return clean(subject[1]);
  return "";
}

function clean(words: string): string {
  return words
    .trim()
    .replace(/^[\p{Lu}\s]+\s+[—–-]\s+/u, "")
    .replace(/[.,;:!?]+$/, "")
    .replace(/\s+/g, " ");
}
