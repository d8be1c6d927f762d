import type { Block } from './types';

/**
 * How the words around a match change the verdict (labelling policy, "Context decides").
 * Each check looks at plain strings; none knows about rules or the DOM.
 */

const CLAUSE_BREAK = /[;:—–]|\s-\s|,?\s(?:but|however|though|although|whereas|while|yet|instead)\b|,\s+(?:so|and so|which|because|since|thus|therefore)\b|\.\s/gi;

/** The clause of `text` that contains the offset range [start, end). */
function clauseBefore(text: string, start: number): string {
  let from = 0;
  for (const m of text.slice(0, start).matchAll(CLAUSE_BREAK)) from = m.index! + m[0].length;
  return text.slice(from, start);
}

function clauseAfter(text: string, end: number): string {
  const rest = text.slice(end);
  CLAUSE_BREAK.lastIndex = 0;
  const m = rest.search(CLAUSE_BREAK);
  return m >= 0 ? rest.slice(0, m) : rest;
}

/** A negator governing the claim: within three words before it, with no comma in between. */
const NEG_NEAR =
  /\b(?:no|not|never|none|nor|whether|cannot|can't|can’t|won't|won’t|wont|doesn't|doesn’t|doesnt|don't|don’t|dont|didn't|didn’t|isn't|isn’t|isnt|aren't|aren’t|wasn't|weren't|hasn't|haven't|hadn't|shouldn't|unlikely to|fails? to|failed to|without|rather than|instead of|(?:did|does|do|done)(?: absolutely| literally| basically)? (?:nothing|zero|jack|squat|zilch) (?:for|to))\b(?:\s+[^\s,;]+){0,3}\s*$/i;
/** A clause whose subject is negated: "No supplier of IGF-1 LR3 is FDA-approved". */
const NEG_SUBJECT = /^\s*(?:no|none of|nobody|neither|nothing(?!\s+(?:beats|compares|comes close|touches|tops)\b)|not one|not a single)\b/i;
/**
 * A list of side effects said to be absent ("No crash, no bloat, zero sides"): each item is the
 * promise, not a negator of the next one; nor does it rebut the sentence before it. Evidence talk
 * ("No data, no trials") is not such a list.
 */
const DENIAL_ITEMS = /^(?:\s*(?:no|zero)\s+(?!(?:human\s+|clinical\s+)?(?:evidence|data|studies|study|trials?|proof|research)\b)[\w'’-]+(?:\s+[\w'’-]+)?\s*,)+/i;
const DENIAL_LIST = /^(?:no|zero)\s+(?!(?:human\s+|clinical\s+)?(?:evidence|data|studies|study|trials?|proof|research)\b)[\w'’-]+(?:\s+[\w'’-]+)?\s*(?:,|and|&)\s*(?:no|zero)\s/i;
/** Evidence talk that negates what follows: "no evidence that", "has not been shown to", "no human trial ...". */
const NEG_EVIDENTIAL =
  /\b(?:(?:no|zero|little|limited|insufficient|scant|not any|lack of|lacks|absence of)\s+(?:[\w-]+\s+){0,3}?(?:evidence|data|proof|studies|study|trials?|research)\b|(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:clinically\s+|reliably\s+)?(?:shown|proven|demonstrated|established|tested|confirmed|studied)\b|there(?:'s| is| are) no\b|(?:does|do|did)(?: not|n't|n’t) (?:support|back|show|prove|justify)\b|no(?:body| one) (?:has|have) (?:shown|proven|studied|tested)|(?:not|un)\s?aware of\s+(?:any\s+)?(?:[\w-]+\s+){0,5}?(?:evidence|data|studies|study|trials?))/i;
const NEG_AFTER =
  /\b(?:(?:is|are|was|were|has|have|had)(?: not| never|n't|n’t)(?: been)?(?: clinically| reliably| yet)? (?:shown|proven|established|demonstrated|supported|confirmed|tested|studied)|(?:is|are) (?:a )?myths?|(?:is|are) (?:false|misleading|unproven|unsupported|not supported|not established|not proven|speculative|hype|absent|lacking|missing|nonexistent|thin|weak|anecdotal)|(?:is|are|was) not established|(?:do|does|did) not exist|don't exist|doesn't exist|lacks? (?:evidence|support|data)|(?:has|have) no (?:human )?(?:evidence|data|support)|remains? (?:unproven|unclear|unknown|speculative|hypothetical|unestablished)|no (?:human )?(?:studies|trials|data)|(?:is|are) not (?:the same|established|clear)|no (?:human )?evidence|nothing to do with|not (?:from|because of|due to|thanks to) (?:the|it|lr3|this)|(?:it|lr3|this|that|the stuff|the peptide) (?:did|does|has done)(?: absolutely| literally| basically)? (?:nothing|zero|jack|squat|zilch)(?! (?:bad|wrong|negative|weird|harmful)))\b/i;

/** A claim repeated to be scoffed at ("pharma grade my arse", "safe, yeah right"). */
const SCOFF_AFTER = /^\s*["”’']?\s*[,!]?\s*(?:my (?:arse|ass|backside|foot)|yeah,? right|as if)\b/i;

/** Slang that vouches for what follows ("no cap, it healed my pec"): not a negation. */
const NOT_A_NEGATION = /\b(?:no cap|no lie|no joke|no kidding|no bs|no exaggeration|no word of a lie|not (?:gonna|going to) lie|not even (?:joking|kidding))\b/gi;

/** Is the match inside a negated claim? ("no evidence that it builds muscle", "building muscle is unproven") */
export function isNegated(sentence: string, start: number, end: number): boolean {
  // Negation reaches a few words, not a whole clause ("since it isn't controlled it's completely
  // legal", "no issues, it's safe"), except evidence talk, which negates the rest of its clause.
  let before = clauseBefore(sentence, start);
  // "No crash, no bloat, zero sides": the items before this one negate nothing in it.
  if (/^\s*(?:no|zero)\s/i.test(before)) before = before.replace(DENIAL_ITEMS, ' ');
  // "no cap", "not gonna lie": intensifiers, not negations.
  if (/\bno/i.test(before)) before = before.replace(NOT_A_NEGATION, ' ');
  // "No sides, no bloat, just clean gains": what follows "just" is affirmed (evidence talk still negates).
  const j = before.includes('just') ? before.search(/,\s*just\s[^,]*$/i) : -1;
  const near = j >= 0 ? before.slice(j) : before;
  return NEG_SUBJECT.test(near) || NEG_NEAR.test(near) || NEG_EVIDENTIAL.test(before) || NEG_AFTER.test(clauseAfter(sentence, end)) || SCOFF_AFTER.test(sentence.slice(end));
}

const ATTRIBUTION =
  /\b(?:(?:a|some|this|one) (?:guy|dude|friend|bro|mate|buddy|trainer|coach|person)(?: (?:at|from) (?:my|the) gym| i know)?|(?:guy|dude|bloke|lad|person|girl) (?:at|from|in) (?:my|the) (?:gym|box|club)|my (?:(?:gym|training|lifting|workout|old|best) )?(?:friend|buddy|mate|trainer|coach|partner|bro)|sellers?|vendors?|suppliers?|shops?|stores?|websites?|web ?sites|sites|online sellers|companies|company|firms?|marketers?|marketing|ads?|adverts?|advertisements?|listings?|product pages?|labels?|influencers?|promoters?|people online|retailers?|brands?|creators?|youtubers?|guides?|blogs?|bloggers?|forums?|threads?|dealers?|tiktok(?:ers?)?|videos?|podcasts?|coach(?:es)?|gurus?|articles?|investigators?|police|officers?|authorities|prosecutors?|regulators?|officials?|detectives?|the (?:seller|vendor|site|company|listing|ad|store|brand|website|page|post))\b[^.?!]{0,60}?\b(?:say|says|said|saying|swears?|swore|calls|called|claim|claims|claimed|claiming|promise|promises|promised|state|states|stated|describe|describes|described|call|calls|called|advertise|advertises|advertised|tout|touts|touted|suggest|suggests|suggested|suggesting|recommend|recommends|recommended|recommending|list|lists|listed|listing|tell|tells|told|telling|promising|selling|pushing|push|pushes|promoting|advertising|boast|boasts|boasted|assert|asserts|asserted|pitch|pitches|pitched|market|markets|marketed|sell|sells|sold|promote|promotes|promoted|insist|insists|insisted|wrote|write|writes|imply|implies|implied|implying|hint|hints|hinted|hinting)\b/i;
/** Words that set a claim up to be rebutted: reported, labelled as marketing, or met with "no evidence". */
const REBUT_WORDS = [
  'claims? (?:that|like|such as|about|of)', 'claimed', 'the (?:idea|notion|belief|myth) that', 'people (?:claim|say)', 'so-called', 'misleading', 'falsely', 'false claims?', 'unfounded',
  'unsubstantiated', 'debunk\\w*', 'hype', 'marketing (?:copy|claims?|language|hype)', 'is marketing',
  '(?:is|are|was|were|being|been) (?:(?:marketed|advertised|touted|promoted|pitched|billed|described)(?: (?:on|online|to|in|across) [\\w ]{1,25}?)? (?:as|for|to)|sold as)',
  'warning letters?', 'according to (?:the )?(?:seller|vendor|site|ad|listing|company)', 'according to (?:which|what) (?:trial|study)',
  'no (?:good |solid |reliable |credible |published |direct |clinical |human |randomi[sz]ed |controlled |placebo-controlled |peer-reviewed |large |rigorous |long-term )*(?:evidence|studies|study|trials?|data) (?:supports?|shows?|backs?|that|for)',
  // A regulator quoting a seller's copy: "statements such as 'enhances muscle growth' ... establish
  // that the product is intended for use as a drug".
  '(?:statements?|representations?|claims?|wording|language|instructions|directions),? (?:such as|like|including)',
  '(?:documents?|establish(?:es)?|shows?|evidences?|demonstrates?)(?: that)? (?:the|its|their|your) intended uses?', '(?:products?|it) (?:is|are) intended for human use',
  // "statements that it '...', which show the product is intended to affect the structure or function of the body"
  "(?:documents?|establish(?:es)?|show(?:s|ing)?|evidenc(?:e|es|ing)|demonstrat(?:e|es|ing)|indicat(?:e|es|ing))(?: that)? (?:the|your|this|these|such|its|their) products? (?:is|are) intended",
  '(?:is|are) intended (?:to affect the structure or (?:any )?function|for use in humans|for use by humans|for human consumption)', 'structure or (?:any )?function of the (?:human )?body', 'intended for use as an? (?:drug|new drug)', 'unapproved new drugs?', 'misbranded',
  'not (?:backed|supported) by', 'without (?:any )?evidence', 'there is no (?:evidence|proof|data)', 'nothing (?:supports|backs)',
  'fact[- ]check\\w*', 'folklore', '(?:bro |gym |forum )?lore', 'guesswork', 'not trial results', 'nothing of the kind',
  'not established', '(?:the )?evidence says', 'no such thing as', '(?:nobody|no one|no-one) has (?:ever )?(?:studied|tested|trialled|trialed)',
  // "no clinical trial has tested this", "no study has ever looked at it"
  'no (?:human |clinical |controlled |published )?(?:trials?|study|studies) (?:has|have) (?:ever )?(?:tested|studied|looked at|measured|examined|shown)',
  // "There is no human trial of LR3 at any dose"
  'no (?:human |clinical |controlled |published )*trials? (?:of|on|in|has|have)',
  // "Neither of these is evidence", "none of that counts as proof"
  '(?:neither|none) of (?:these|this|that|those|them|it) (?:is|are|counts? as) (?:evidence|proof|data)',
  // '"Closest thing to a cheat code" meets zero randomised trials'
  '(?:meets|met|with|has|have|backed by) (?:zero|no) (?:randomi[sz]ed |clinical |human |controlled )*(?:trials?|studies|evidence)',
  // "Calves that grew in one block are a training log, not a biopsy"
  ', not (?:a |an )?(?:biopsy|study|trial|clinical trial|proof)',
  // "Purity and identity do not establish that a product is safe"
  '(?:does|do|did) not (?:establish|prove|guarantee|demonstrate) (?:that )?',
  // "legal to buy isn't the same as approved to inject", "legal doesn't mean safe"
  "(?:isn't|isn’t|is not|aren't|aren’t|are not) the same (?:thing )?as (?:being )?(?:approved|safe|tested|licensed|prescribed)", "(?:doesn't|doesn’t|does not) (?:mean|make) (?:it(?:'s|’s| is)? )?(?:approved|safe|legal|licensed)",
  // the writer rejects the claim they just relayed ("... may help with hyperplasia, but I'm not buying it")
  "(?:i'?m|im|i am) not buying (?:it|that|this|any of it)", "(?:i )?(?:don't|don’t|dont|do not) buy (?:it|that|this|any of it)", "(?:is|that's|that’s|thats|it's|it’s|just) an? (?:extrapolation|leap of faith)",
  '(?:was|were|has|have) (?:never|not) (?:been )?(?:tested|studied|validated|trialled|trialed)',
  "(?:you'll|you will|you may|you might|you'?ve) (?:read|hear|heard|see|seen) (?:online |on (?:forums|reddit|tiktok|youtube|instagram) |everywhere |a lot )?(?:that|it|people)",
  'whoever told you', 'anyone who tells you', 'is selling something', '(?:comes?|came|stems?|derives?) (?:only |mostly |entirely )?from (?:animal|cell|rodent|rat|mouse|mice|preclinical)s?',
  '(?:calling|call|calls) [^.]{0,60} ignores', '(?:labels?|disclaimers?|stickers?|signs?) (?:such as|like|reading|that reads?)',
  "(?:figures?|numbers?|doses?|amounts?|protocols?|ranges?)\\b[^.;]{0,40}\\b(?:aren't|aren’t|are not|isn't|is not|were never|was never)\\s+(?:evidence|proof|tested|studied|validated|based)",
  // a denial put in doubt: "nobody can say 50 mcg won't grow organs", "no one can promise it's safe",
  // "you can't guarantee it won't crash your sugar" (a risk said to be unknown, not ruled out)
  "(?:no(?:body| one|-one)|none of us) (?:can|could) (?:honestly |really |truly |actually )?(?:say|promise|guarantee|claim|tell you|know|predict|be sure|be certain)(?! enough)\\b[^.;!?]{0,50}?(?:won't|won’t|wont|will not|doesn't|doesn’t|does not|isn't|isn’t|is not|can't|can’t|cannot|never|safe|harmless|risk-free)",
  // an anecdote said not to count ("an anecdote isn't evidence", "anecdotes aren't data")
  "(?:an? |one |your |his |that )?anecdotes? (?:is not|isn't|isn’t|are not|aren't|aren’t|is no|are no) (?:evidence|proof|data|a study|science)",
  // a result said to prove nothing ("quicker recovery when you also sleep better isn't evidence of anything")
  "(?:is not|isn't|isn’t|are not|aren't|aren’t|was not|wasn't|proves?|shows?) (?:evidence|proof) (?:of|for) (?:anything|much|nothing)|proves? (?:absolutely )?nothing",
  // the claim itself put in doubt: "nobody can say that happens in humans", "no one can show it works"
  "(?:no(?:body| one|-one)|none of us) (?:can|could) (?:honestly |really |truly |actually )?(?:say|show|prove|claim|tell you) (?:that|this|it) (?:happens|happened|works|worked|occurs|is true|holds|applies|translates)",
  // a claim filed under the lab: "the hyperplasia stuff is rats and petri dishes", "that talk is all mouse data"
  "(?:hyperplasia|growth|muscle|fib(?:re|er)s?|cells?|anti-?ag(?:e|ei)ing|healing|repair|fat[- ]loss|recovery|longevity) (?:stuff|talk|claims?|hype|idea|story|bit) (?:is|are|was|were|comes from) (?:all |just |only |mostly |basically )?(?:rats?|mice|mouse|rodents?|petri dish(?:es)?|test tubes?|cell culture|(?:rat|mouse|rodent|animal|cell|lab) (?:data|studies|work|stuff|experiments?))",
  "(?:can't|can’t|cannot|can not|couldn't|couldn’t) (?:honestly |really |truly )?(?:promise|guarantee|rule out|be sure|be certain|say for sure|say for certain|tell you for sure)(?! enough)\\b[^.;!?]{0,50}?(?:won't|won’t|wont|will not|doesn't|doesn’t|does not|isn't|isn’t|is not|never|safe|harmless|risk-free)",
];
const REBUT = new RegExp(`\\b(?:${REBUT_WORDS.join('|')})\\b`, 'i');
/** A scare-quoted phrase answered on the spot: 'And "zero sides" ignores hypoglycemia'. */
const SCARE_QUOTE = /["“'‘][^"”'’]{1,40}["”'’]\s+(?:ignores|misses|overlooks|leaves out|forgets|is (?:wrong|nonsense|bs|false|misleading|marketing))\b/i;
/** Hedges a writer adds after a claim or a dose: they disclaim responsibility, not the claim. */
const ADVICE_DISCLAIMER =
  /\b(?:not|n't|n’t)\s+(?:(?:intended as|meant as|to be taken as)\s+)?(?:medical |financial |legal |professional |health )?advice\b|\b(?:i'?m|i am|we'?re|we are)\s+not\s+(?:an?\s+)?(?:doctors?|physicians?|medical professionals?|coach(?:es)?|pharmacists?)\b|\bnot\s+(?:an?\s+)?(?:endorsement|recommendation)\b|\b(?:we|i)\s+(?:do not|don't|don’t|dont|never)\s+(?:endorse|recommend|condone|advocate|encourage)\b|\bnot\s+for\s+(?:everyone|everybody|beginners|newbies|the faint of heart)\b/gi;
const RELAYED_READING =
  /\b(?:i (?:keep|kept) (?:reading|hearing|seeing)|i(?:'ve|’ve| have)? (?:read|seen|heard) (?:that|it said|people (?:say|claim)|claims?)|(?:everyone|everybody|people) (?:keeps? )?(?:says?|claims?|posts?)|all over (?:reddit|tiktok|instagram|youtube|the forums|my feed))\b/i;
const EVIDENCE_QUESTION = /^(?:is|are|does|do|has|have|was|were|any|where(?:'s| is)?)\b[^.?!]{0,80}\b(?:evidence|proof|studies|study|research|data|trials?|science|true|real|legit)\b[^?]{0,80}\?/i;
const REBUT_NEXT =
  /^(?:but|however|yet|in reality|in fact|actually|this|that|these|those|such|none|no|nobody|no one|reply|response|answer)\b[^.?!]{0,80}\b(?:no|not|unproven|unsupported|lacks?|false|misleading|myth|evidence|untested|never|tested|studied|trialled)\b/i;
/** Criticism of an attributed dose: negation, or words judging it. */
const CRITICISM = /\b(?:no|not|nobody|never|none|neither|nothing|untested|unproven|unsupported|reckless|dangerous|danger|risky|irresponsible|misleading|worr(?:y|ies|ied|ying)|warn(?:s|ed|ing)?)\b|n't\b|n’t\b/i;
const QUOTED = /["“][^"”]{3,}["”]|(?:^|\s)['‘][^'’]{3,}['’](?=[\s,.;:!?—–-]|$)/;
const REPORTING = /\b(?:said|says|wrote|writes|claimed|claims|promised|promises|advertised|reads|stated|states|according to|boasted|touted|described)\b/i;

/**
 * Debunking words. Not "fearmongered": that is the promoter's word for the risks ("LR3 is wildly
 * fearmongered and honestly safe"), never a rebuttal of the claim beside it.
 */
const MYTH = /\b(?:myths?|bro[- ]?science|overblown)\b/i;

/** The same, attributed: "people call it bro science, but my arms grew". */
const DISMISSED_DEBUNK =
  /\b(?:people|they|haters|critics|doctors|everyone|some)\s+(?:call|calls|say|says|claim|claims)\s+(?:it(?:'s|’s| is)?|lr3(?: is)?|this)?\s*(?:all\s+)?(?:bro[- ]?science|a myth|myths|hype|overblown|nonsense|bs)\b[^.;]{0,5}?\s*,?\s*(?:but|yet)\b/gi;
/**
 * Does the sentence mock or contradict what it puts in quotation marks ("Oh sure, 'no side
 * effects', that's why half this thread went hypo", "'totally safe' lol, you posted about the
 * shakes")? Asked only for a claim that sits inside the quotation marks.
 */
export function isMockedQuote(sentence: string): boolean {
  return QUOTE_MOCKED.test(sentence);
}
const QUOTE_MOCKED =
  /\b(?:oh sure|yeah right|sure thing|sure it is|as if|lol|lmao|rofl|so no|that'?s why|that’s why|show me|you literally|funny how|tell that to|said nobody|ended up in|except (?:for )?(?:the|when|that)|with (?:his|her|their) whole chest)\b|[🙄😂🤣]/iu;
const SCOFFED_DEBUNK = /\b(?:myths?|bro[- ]?science|hype|nonsense|rubbish|bs|fear[- ]?mongering|scaremongering|dangerous|risky|unproven|no evidence)\s*,?\s+my\s+(?:foot|arse|ass|backside|eye)\b/gi;
/** Hype embraced: praise for every kind ("lives up to the hype"), curiosity only beside a dose (a dose stays dosing copy). */
const HYPE_PRAISED =
  /(?<!\b(?:don't|don’t|dont|do not|never|not|no need to)\s+)\b(?:believe|buying into|buy into|lives? up to|living up to|lived up to|worth|deserves?|deserved|earned|earns)\s+(?:all\s+)?(?:the|this|that|its|it's)\s+(?:[\w-]+\s+){0,2}?hype\b/gi;
const HYPE_CURIOUS =
  /\b(?:see|find out|know|learn|test|understand|discover)\s+(?:what|whether|if)\s+(?:all\s+)?(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?hype\b(?:\s+is\s+(?:about|real))?/gi;
const DISMISSED_QUOTE = /["“][^"”]{1,80}["”]\s*,?\s*(?:(?:ok(?:ay)?|sure|yeah|yea|fine|lol|lmao)\s*,?\s*)?(?:but|yet)\b/gi;

/**
 * Quoted or attributed in order to be rebutted (news, debunking pages, "the seller says ...").
 * `riskDenial`: for safety and dosing claims, calling a risk a myth ("hypos are a myth") is the claim itself.
 * `attribution`: false for dosing, where saying who does it ("users on forums describe injecting
 * 20-50 mcg after workouts", "vendors' sheets tell buyers to ...") still describes the dose: the
 * attribution then counts only beside criticism ("... a figure nobody has tested", "advice a
 * pharmacist called reckless") or when the next sentence asks about it ("Is that legit??").
 */
export function isRebuttal(sentence: string, start: number, end: number, nextSentence = '', riskDenial = false, attribution = true): boolean {
  // A debunk quoted to be waved off ('"it's all bro science" ok but I grew an inch') rebuts nothing.
  if (/["“]/.test(sentence)) sentence = sentence.replace(DISMISSED_QUOTE, ' ');
  if (/\b(?:but|yet)\b/i.test(sentence)) sentence = sentence.replace(DISMISSED_DEBUNK, ' ');
  // The debunk scoffed at ("Myths my foot, I've run it at 50mcg for years"): the writer rejects the rebuttal.
  if (/\bmy\s+(?:foot|arse|ass|backside|eye)\b/i.test(sentence)) sentence = sentence.replace(SCOFFED_DEBUNK, ' ');
  // "let's see what this hyperplasia hype is about", "lives up to the hype": curiosity or praise, not a rebuttal.
  if (/hype/i.test(sentence)) {
    sentence = sentence.replace(HYPE_PRAISED, ' ');
    if (!attribution) sentence = sentence.replace(HYPE_CURIOUS, ' ');
  }
  if ((ATTRIBUTION.test(sentence) && (attribution || CRITICISM.test(sentence.replace(ADVICE_DISCLAIMER, ' ')) || /^[^.!?]{0,120}\?/.test(nextSentence.trim()))) || REBUT.test(sentence) || SCARE_QUOTE.test(sentence) || (!riskDenial && MYTH.test(sentence))) return true;
  nextSentence = nextSentence.trim();
  // "... 40mcg after the last set. No crash, no bloat, zero sides": the next sentence promises, it does not rebut.
  if (DENIAL_LIST.test(nextSentence)) nextSentence = '';
  // "This is not medical advice", "That said, I'm not a doctor": a disclaimer after a claim rebuts nothing.
  else if (/\bnot\b/i.test(nextSentence)) nextSentence = nextSentence.replace(ADVICE_DISCLAIMER, ' ');
  // Reddit-style "> quoted line" answered in the rest of the post.
  if (/^\s*>/.test(sentence) && (REBUT_NEXT.test(nextSentence) || NEG_EVIDENTIAL.test(nextSentence) || PRECLINICAL.test(nextSentence) || SECTION_REBUTS.test(nextSentence))) return true;
  if (isQuotedReport(sentence, start, end)) return true;
  // What the writer keeps reading, then asks for the evidence of ("Is there any human evidence for
  // either claim, or is this gym folklore?"): relayed to be checked, not asserted.
  if (RELAYED_READING.test(sentence) && EVIDENCE_QUESTION.test(nextSentence)) return true;
  return REBUT_NEXT.test(nextSentence);
}

/**
 * The one part of isRebuttal() that depends on where the match is: a reported quotation with the
 * match inside the quotation marks. When isRebuttal() is false for a sentence at (0, 0), it is
 * true at (start, end) with the same next sentence and riskDenial exactly when this is.
 */
export function isQuotedReport(sentence: string, start: number, end: number): boolean {
  if (!(QUOTED.test(sentence) && REPORTING.test(sentence))) return false;
  // The match sits inside the quotation marks.
  const before = sentence.slice(0, start);
  const opens = (before.match(/["“‘]|(?:^|\s)'/g) ?? []).length;
  return opens % 2 === 1 || (/["“‘]|(?:^|\s)'/.test(before) && /["”’]|'(?=[\s,.;:!?—–-]|$)/.test(sentence.slice(end)));
}

const HEARSAY =
  /\b(?:i(?:'ve|’ve| have)? heard|heard (?:that|it|lr3|igf)|is it true|is that true|does it (?:really|actually)|do you think|did anyone|has anyone|anyone (?:know|tried|here|else)|can someone|rumou?r|bro ?science|people say|they say|someone (?:said|told)|supposedly|is this legit|any truth)\b/i;

/** The sentence ends in a question mark (a closing quote or bracket may follow). */
const ENDS_AS_QUESTION = /\?\s*["”’)]*\s*$/;

/** A question relaying hearsay ("I heard LR3 causes hyperplasia, is that true?"). */
export function isHearsayQuestion(sentence: string): boolean {
  return ENDS_AS_QUESTION.test(sentence) || HEARSAY.test(sentence) && /\?/.test(sentence);
}

const PRECLINICAL =
  /\b(?:in vitro|in cell cultures?|cell[- ]cultures?|cultured (?:\w+ )?(?:cells|myoblasts|myotubes|fibres|fibers)|in cells|myotubes?|myoblasts?|in (?:(?:[\w-]+-(?:treated|deficient|fed|induced|injected)|diabetic|aged|young|old|adult|female|male|hypophysectomi[sz]ed|dwarf|obese|lean|growing|normal|healthy|neonatal|juvenile|transgenic|knockout|wild-type) )*(?:mice|rats|rodents|animals|pigs|sheep|chickens?|zebrafish|lambs|piglets|rabbits|dogs|monkeys)|(?:serum-free |cho |cell )?cultures?|cho cells|cell growth|(?:mouse|rat|rodent|animal|murine|porcine)(?: \w+)? (?:models?|studies|study|data|experiments?|muscle)|transgenic|petri dish|cell lines?|experimental systems?|bioreactors?|in the lab(?:oratory)?|laboratory (?:studies|experiments))\b/i;
const HUMAN_SELL = /\b(?:you|your|yours|users?|lifters?|bodybuilders?|athletes?|guys|man|woman|person|adult|human equivalent|scaled? up|works out to|translates to|species conversion|cycles?|for men|for women|clients?|customers?)\b/i;

/** Scoped to cells or animals, and not used to sell or dose to a person. */
export function isPreclinicalOnly(sentence: string): boolean {
  return PRECLINICAL.test(sentence) && !HUMAN_SELL.test(sentence);
}

const PROTOCOL =
  /\b(?:bodybuild\w*|lifters?|gains|bulk(?:ing)?|cutting|cycles?|pwo|post[- ]?workout|pre[- ]?workout|stack(?:ed|ing|s)?|run(?:ning)? (?:it|this)|i (?:run|ran|take|took|use|used|pin|pinned|inject)|protocol|off[- ]label|for (?:muscle|mass|size|gains|fat loss|recovery)|physique|gym|athletes?|bros?|slin pin|ed\b|eod\b|(?:half|third|quarter|fifth|tenth|fraction) (?:of )?(?:the|a|an|your) (?:[\w'’-]+ ){0,3}?(?:dose|dosage))/i;

/** Approved-label dosing reused as a bodybuilding protocol. */
export function readsAsProtocol(text: string): boolean {
  return PROTOCOL.test(text);
}

const HUMAN_USE =
  /\b(?:you|your|users?|lifters?|bodybuilders?|athletes?|gains|recovery|muscle|fat loss|inject\w*|pin(?:ned|ning)?|dos(?:e|es|ed|ing)|cycle|stack|per day|daily|results?)\b/i;

/** A research-use disclaimer that itself carries human-use language. */
export function hasHumanUseLanguage(text: string): boolean {
  return HUMAN_USE.test(text);
}

/** Cues of a page that examines claims: evidence checks, news, regulators. */
const CRITICAL =
  /\b(?:verdict|unapproved|warning letters?|violations?|enforcement|no fda-approved|fact[- ]check\w*|no (?:human|clinical) (?:study|studies|trials?|evidence|data)|not (?:been )?(?:fda[- ])?approved|never been approved|unsupported|preclinical|no validated|evidence (?:check|table|grade)|regulators?|researchers say|doctors warn)\b/i;

/** A page (or article) that examines claims rather than makes them: evidence checks, news, regulators. */
export function isCriticalPage(blockTexts: string[]): boolean {
  let n = 0;
  for (const t of blockTexts) if (CRITICAL.test(t) && ++n >= 3) return true;
  return false;
}

const CLAIM_LEAD = /^\s*(?:claims?|myths?|quote|they say|sellers say|what (?:sellers|they|vendors) (?:say|claim)|the claim|common claim|marketing claim)\s*[:—–-]/i;
export const VERDICT_LEAD = /^\s*(?:verdict|fact|facts|reality|the reality|truth|the truth|evidence|the evidence|our take|bottom line|what the evidence says|rating)\s*[:—–-]/i;

/** "Claim: ..." set up to be answered by a "Verdict: ..." (or the like) in the next block. */
export function isClaimUnderReview(block: string, nextBlock: string): boolean {
  return CLAIM_LEAD.test(block) || VERDICT_LEAD.test(nextBlock);
}

/** Is [start, end) inside quotation marks? */
export function isQuoted(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const opens = (before.match(/["“‘]|(?:^|\s)'/g) ?? []).length;
  // An apostrophe after a space opens a quotation; one after a word closes it (the opening quote
  // right before the match is not also a closing one).
  const closes = (before.match(/["”’]|(?<=\S)'(?=[\s,.;:!?—–-]|$)/g) ?? []).length;
  return opens > closes || (/["“]/.test(before) && /["”]/.test(sentence.slice(end)) && (before.match(/["“”]/g) ?? []).length % 2 === 1);
}

/** Named non-peptide substances whose doses are not our business (creatine, caffeine, diabetes insulin...). */
/**
 * A comparison with an everyday substance ("as safe as creatine", "milder than a pre-workout"):
 * the sentence is still about what it compares, not about creatine.
 */
const COMPARED_WITH_EVERYDAY =
  /\b(?:as\s+[\w-]+\s+as|(?:safer|milder|gentler|softer|weaker|cleaner|less\s+\w+|more\s+\w+|no\s+\w+|not\s+\w+)\s+than)\s+(?:a\s+|an\s+|your\s+|my\s+|the\s+)?(?:(?:scoop|cup|shot|dose|serving)\s+of\s+)?(?:creatine|caffeine|coffee|whey|protein powder|a pre-?workout|pre-?workout|multivitamins?|vitamins?|magnesium|zinc|fish oil|melatonin)\b/gi;

/** Is `text` about another substance (creatine, insulin for diabetes ...), not only compared with one? */
export function namesOtherSubstance(text: string): boolean {
  if (!OTHER_SUBSTANCE.test(text)) return false;
  return !/\b(?:as|than)\b/i.test(text) || OTHER_SUBSTANCE.test(text.replace(COMPARED_WITH_EVERYDAY, ' '));
}

export const OTHER_SUBSTANCE = /\b(?:[LE]D50|IC50|EC50|creatine|caffeine|vitamin|melatonin|magnesium|zinc|fish oil|omega|protein powder|whey|ashwagandha|metformin|semaglutide|tirzepatide|ozempic|wegovy|lantus|levemir|tresiba|novolog|insulin pens?|type [12] diabet\w*|diabetic|(?<!\b(?:natural|endogenous|own|your)\s)testosterone|hcg|b12|biotin)\b/i;

/**
 * Other research peptides sold and discussed beside LR3 (BPC-157, TB-500, CJC-1295, ipamorelin...).
 * A sentence that names one of them and not a covered substance is about that peptide, not the
 * page's (a BPC dose in an LR3 thread), unless it combines it with the page's substance
 * (`STACKED_WITH`: "stack it with CJC-1295", "throw some BPC in with it").
 */
export const OTHER_PEPTIDE =
  /\b(?:bpc(?:[- ]?157)?|tb[- ]?500|thymosin(?: beta)?|cjc(?:[- ]?1295)?|ipamorelin|ipam|ghrp[- ]?[26]|hexarelin|sermorelin|tesamorelin|mod[- ]?grf|aod[- ]?9604|melanotan(?: ?ii| ?2)?|pt[- ]?141|bremelanotide|ghk[- ]?cu|epithalon|epitalon|selank|semax|kisspeptin|dsip|mots[- ]?c|kpv|ll[- ]?37|retatrutide|mk[- ]?677|ibutamoren|(?:peg[- ]?)?mgf|(?:igf[- ]?1[- ])?des)\b/i;
export const STACKED_WITH =
  /\b(?:add|adds|adding|added)\s+(?:in\s+)?(?:my|the|some|your|their|a|an|\d+(?:\.\d+)?\s*(?:mcg|µg|mg|iu|units?)\s+of)\s+(?=(?:bpc|tb[- ]?500|cjc|ipa|ipamorelin|ghrp|hexarelin|sermorelin|tesamorelin|mod[- ]?grf|mgf|peg|mk[- ]?677))|\b(?:(?:stack|pair|combine|run|use|take|throw|toss|add)(?:s|ed|d|ing)?|ran|took|threw)\b[^.;]{0,40}?\b(?:with|in with|alongside|on top of)\b|\b(?:alongside|together with|along with|on top of|in with)\b|\b(?:to|into) (?:your|my|the|an?|this) (?:cycle|stack|protocol|run)\b/i;

/** Dosing jargon specific to injectable research peptides. */
export const IMPLICIT_PEPTIDE =
  /(?:\d\s*(?:mcg|µg|μg|ug)\b|\bmicrograms?\b|\bbac(?:teriostatic)? water\b|\bslin pins?\b|\bsub-?q\b|\bbilat(?:erally)?\b|\bpin(?:ned|ning)?\b[^.]{0,30}\b(?:quads?|delts?|glutes?|lats?|bis|belly|traps)\b|\bpin(?:ning)? \d{2,3} (?:ed|eod|pwo|bilat)\b|\breconstitut\w*)/i;

/**
 * With no substance named, jargon alone may be a worked calculator example ("a 5 mg vial with 2 mL
 * gives 2.5 mg/mL, so 250 mcg is 10 units"): it reads as dosing copy only beside a use — a
 * frequency (also "25 mcg/day"), a timing, an injection, a run or a cycle.
 */
export const IMPLICIT_USE =
  /\b(?:ed|eod|e[23]d|daily|nightly|a day|per day|every|mornings?|evenings?|nights?|bed|pwo|post[- ]?workout|pre[- ]?workout|training|inject\w*|pin(?:s|ned|ning)?|shots?|jab\w*|split\w*|run|ran|running|start\w*|weeks?|wks?|bilat\w*|sub-?q|belly|delts?|quads?|glutes?|cycles?)\b|(?:mcg|µg|μg|ug)\s*\/\s*(?:day|d|wk|week)\b/i;

/** A cheap first look for that jargon, one test per block. */
export const IMPLICIT_GATE = /\d\s*(?:mcg|µg|μg|ug)\b|microgram|\bbac(?:teriostatic)?\b|\bslin\b|\bsub-?q\b|\bbilat|\bpin(?:ned|ning|s)?\b|reconstitut/i;

/** Label language ("its labeled starting dose ... applies only to pediatric patients"). */
export const LABEL_TALK = /\b(?:label(?:ed|led)?|prescribing information|indicated (?:for|in)|pediatric patients|under (?:physician|medical) supervision|package insert)\b/i;

/** Does the post holding block i answer a quotation with a rebuttal? */
export function sectionRebuts(blocks: Block[], i: number): boolean {
  const section = blocks[i]!.section;
  // The reply right under the quote (after any further quoted lines) answers it in its own words:
  // "Those figures have no human dose-finding study behind them", "... has never been studied".
  for (let k = i + 1; k < blocks.length && blocks[k]!.section === section; k++) {
    const b = blocks[k]!;
    if (b.role === 'quote' || QUOTED_WHOLE.test(b.text)) continue;
    if (b.role !== 'heading' && (REBUT.test(b.text) || REPLY_REBUTS.test(b.text))) return true;
    break;
  }
  // Outside any post (a Q&A answer or article the reader did not see as one): the next two blocks.
  const end = section === undefined ? Math.min(blocks.length, i + 3) : blocks.length;
  for (let k = i + 1; k < end && blocks[k]!.section === section; k++) {
    if (blocks[k]!.role !== 'quote' && SECTION_REBUTS.test(blocks[k]!.text)) return true;
  }
  return false;
}
const SECTION_REBUTS = /\b(?:no (?:human |clinical )?(?:evidence|data|study|studies|trials?)|(?:none|neither) of (?:these|those|the|this|them)(?: claims?| statements?| lines?)? (?:is|are|has been|have been) (?:supported|true|proven|backed|evidence)|(?:isn't|isn’t|is not|aren't|aren’t|are not) (?:a |any )?(?:safety |clinical )?(?:study|studies|trial|evidence|proof)|(?:neither|none) of (?:these|this|that|those|them) (?:is|are|counts? as) (?:evidence|proof)|not (?:true|proven|supported|how it works)|says? nothing about|(?:does not|doesn't|doesn’t|does n't) mean|only means|(?:is not|isn't|isn’t) the same (?:as|thing)|unproven|wrong|nonsense|myth|bro ?science|ignores|misleading|false|citation needed|source\?|according to (?:which|what) (?:trial|study))\b/i;

/** A block that is one quotation and nothing else (a list of claims "people are told"). */
export const QUOTED_WHOLE = /^\s*["“][^"“”]{3,}["”]\s*$/;

/** A reply's own words against what it quotes (see sectionRebuts). */
const REPLY_REBUTS =
  /\b(?:no (?:human |clinical |controlled )?(?:[\w-]+ )?(?:evidence|data|study|studies|trials?)\b|(?:has|have) no approval|(?:is|are) not an? approval|(?:is|are) not approved|does not make it (?:safe|legal|approved)|confuses it with|(?:has|have) never been (?:studied|tested|measured))/i;

/** A risk named in the sentence: then "myth" or "overblown" waves the risk away (a safety claim). */
export const RISK_WORDS = /\b(?:organs?|gut|hypo\w*|cancer|tumou?rs?|side effects|sides|risks?|blood sugar|shut ?down|gyno|bloat\w*|acromegaly)\b/i;

/** A forum quote relaying hearsay ("lifts_n_lifts said: I heard it can cause hyperplasia"), question mark cut off. */
export function isRelayedHearsay(sentence: string, inQuote: boolean): boolean {
  return (inQuote || /^\s*(?:>|[\w.-]+ (?:said|wrote)\s*:)/i.test(sentence)) && HEARSAY.test(sentence);
}

/**
 * A question that asks about use rather than states the asker's protocol: "Can this be taken
 * orally?", "Can I stack IGF-1 LR3 with other peptides?", "eod or ed?". With a figure in it
 * ("Planning 50mcg ED for 30 days, thoughts?") it states a protocol and stays dosing. The substance
 * may lead the question ("LR3 eod or ed?", "igf-1 lr3: sub-q or IM?"), and so may a forum's "Re:" or
 * "Thread:" ("Re: IGF-1 LR3 - bilat or sub-q?", a thread title repeated over every post).
 */
export function isUseQuestion(sentence: string): boolean {
  if (hasFigure(sentence)) return false;
  // "someone pls explain why people pin it bilat": a request to explain, question mark or not
  if (EXPLAIN_REQUEST.test(sentence)) return true;
  // a comment asking without the question mark ("bro what's the cycle length on this")
  if (/^\s*(?:(?:bro|yo|hey|ok|okay|so|and|pls|please)\s*,?\s+)?(?:what'?s|what’s|what is|how long is|how much is|how many|how often)\b/i.test(sentence)) return true;
  return ENDS_AS_QUESTION.test(sentence) &&
    /^\s*(?:q\s*:\s*|>\s*|re\s*:\s*|thread\s*:\s*)?(?:(?:sorry|apologies)\b[^?]{0,40}?\bbut\s+|(?:quick|dumb|stupid|noob|newbie|silly|simple|basic)\s+q(?:uestion)?\s*[:,—–-]?\s*(?:but\s+)?)?(?:(?:igf[- ]?1?\s*)?(?:lr[- ]?3|long[- ]?r3)\s*[,:—–-]?\s*)?(?:(?:can|could|should|would|will|do|does|did|is|are|was|how|when|where|what|which|why|anyone|any|has|have|ok|okay|better)\b|(?:ed|eod|pwo|am|pm|morning|evening|night|bedtime|sub-?q|subcut\w*|im|intramuscular\w*|bilat\w*|belly|delts?|glutes?|quads?|pre[- ]?workout|post[- ]?workout|pre|post|daily|fasted)\s+or\b)/i.test(sentence);
}

/**
 * A bare figure put up for judgement in a question: "is 40mcg too much?", "would 25 mcg be enough
 * for a first go?". It asks about a dose; one that also states a schedule ("is 40mcg ED pwo too
 * much?", "planning 50 mcg daily for 4 weeks, is that too much?") states a protocol and stays dosing.
 */
export function isDoseJudgementQuestion(sentence: string): boolean {
  return ENDS_AS_QUESTION.test(sentence) && DOSE_JUDGED.test(sentence) && !SCHEDULE_WORDS.test(sentence);
}
const DOSE_JUDGED =
  /\b(?:is|are|would|was|isn't|isn’t|isnt|aren't)\s+(?:like\s+|around\s+|about\s+|only\s+)?\d+(?:\.\d+)?\s*(?:mcgs?|µg|μg|ug|mg)\s+(?:(?:of|for)\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:(?:be|even|really|actually|way)\s+)?(?:too\s+(?:much|high|low|little|many|strong)|enough|overkill|excessive|a lot|safe|ok|okay|fine|reasonable|sensible|normal|dangerous|risky)\b/i;
const SCHEDULE_WORDS =
  /\b(?:ed|eod|e[23]d|daily|nightly|a day|per day|each day|every|a week|per week|twice|once|times|pwo|post[- ]?workout|pre[- ]?workout|post[- ]?training|pre[- ]?bed|before bed|bilat\w*|sub-?q|subcut\w*|im|intramuscular\w*|\d+\s*(?:weeks?|wks?|days?|months?)|(?:two|three|four|five|six|eight|ten|twelve)\s+(?:weeks?|days|months))\b/i;

const EXPLAIN_REQUEST = /^\s*(?:(?:can|could|will|would)\s+)?(?:someone|somebody|anyone|any1|any ?one)\s+(?:pls|plz|please\s+)?\s*(?:explain|tell me|help me understand)\s+(?:why|how|what|whether|if)\b/i;

/** Cheap first look for isTopicTeaser, once per sentence. */
export const HOW_TO = /\b(?:how|when|where|whether|why) (?:(?:and|or) (?:how|when|where) )?to\b/i;

/** "... and how to time it around training": a topic named (a teaser, a contents line), no instruction given. */
export function isTopicTeaser(sentence: string, start: number): boolean {
  if (!/\b(?:how|when|where|whether|why) (?:(?:and|or) (?:how|when|where) )?to\s+$/i.test(sentence.slice(Math.max(0, start - 30), start))) return false;
  const rest = sentence.slice(start);
  const stop = rest.search(/[.;:!?|]|,\s/);
  return !hasFigure(stop >= 0 ? rest.slice(0, stop) : rest);
}

/** A number that is not part of a name (IGF-1, LR3, BPC-157, U-100). */
const hasFigure = (text: string) => /\d/.test(text.replace(/\b[a-z]{1,4}-?\d+[a-z]?\b/gi, ''));

/**
 * In a sentence that also names the covered substance, the clause holding the match names only
 * another peptide ("bpc 157 at 250mcg ... fixed my elbow, not sure about the lr3 yet"): the
 * claim or dose is that peptide's. A combination anywhere in the post ("+", "plus", "stack", "with") keeps it.
 */
export function inOtherPeptideClause(sentence: string, start: number, end: number, covered: { start: number; end: number }[], post = sentence): boolean {
  if (!OTHER_PEPTIDE.test(sentence)) return false;
  // "My recovery stack is BPC-157 and TB-500 — LR3 I leave out": the stack named is without it.
  const leftOut = LEFT_OUT.test(sentence) && covered.every((c) => LEFT_OUT.test(clauseAround(sentence, c.start, c.end)));
  if (!leftOut && (COMBINED.test(post) || STACKED_WITH.test(post))) return false;
  const [from, to] = clauseBounds(sentence, start, end);
  return OTHER_PEPTIDE.test(sentence.slice(from, to)) && !covered.some((c) => c.start < to && c.end > from);
}
const CLAUSE_SPLIT = /[,;|]\s|\s[-–—]\s|\.\.\.\s*/g;
/** Joined with LR3: a sum, a stack, a blend, or a sequence into it ("MGF for two weeks, then IGF-1 LR3 for four"). */
const COMBINED = /\+|\b(?:plus|stack\w*|combo|blend|together|both|with)\b|\b(?:then|followed by|switch(?:ing|ed)? to)\s+(?:(?:the|some)\s+)?(?:igf|ifg|lr[- ]?3|long[- ]?r3)/i;
/** The covered substance said to be kept out ("LR3 I leave out", "skipped the lr3", "no LR3 this time"). */
const LEFT_OUT = /\b(?:leave|leaves|left|leaving|keep|keeps|kept|keeping)\s+(?:\w+\s+)?out\b|\b(?:skip|skips|skipped|skipping|ditch|ditched|dropped|without|minus|excluding|except)\b|\bnot\s+(?:running|using|taking|touching|adding|including)\b/i;
/** [from, to) of the clause of `sentence` that holds [start, end) (clauses split by CLAUSE_SPLIT). */
function clauseBounds(sentence: string, start: number, end: number): [number, number] {
  let from = 0;
  for (const m of sentence.slice(0, start).matchAll(CLAUSE_SPLIT)) from = m.index! + m[0].length;
  const tail = sentence.slice(end).search(CLAUSE_SPLIT);
  return [from, tail >= 0 ? end + tail : sentence.length];
}
function clauseAround(sentence: string, start: number, end: number): string {
  return sentence.slice(...clauseBounds(sentence, start, end));
}

/**
 * Table rows: the first row of a table naming only column labels ("Compound | How it works | Muscle
 * growth | Side effects") claims nothing; a row whose first cell names another compound and no
 * covered substance ("HGH (somatropin) | ... | 2–4 IU daily") is about that compound.
 */
export function isHeaderRow(text: string): boolean {
  const cells = text.split(' | ');
  return cells.length >= 2 && !/\d/.test(text) && cells.every((c) => c.trim().split(/\s+/).length <= 4 && !/[.!?]/.test(c));
}
/**
 * A table that grades claims: its header row names a claim column and an evidence or verdict
 * column ("Claimed benefit | Best evidence", "Myth | Fact", "Claim | Verdict"). Its rows list
 * claims to judge them, they do not make them.
 */
export function isClaimGradingHeader(text: string): boolean {
  const cells = text.split(' | ');
  return cells.length >= 2 && cells.some((c) => CLAIM_COLUMN.test(c)) && cells.some((c) => VERDICT_COLUMN.test(c));
}
const CLAIM_COLUMN = /\b(?:claims?|claimed|myths?|marketing|what (?:sellers|vendors|they|people|the ads?) (?:say|claim|promise))\b/i;
const VERDICT_COLUMN = /\b(?:evidence|verdict|facts?|reality|truth|science|rating|grade|status|what the (?:data|research|studies|science) (?:says?|shows?))\b/i;

/** A section heading with its list number dropped ("1. New muscle fibres", "Myth #2: ..."). */
export function withoutListNumber(text: string): string {
  // "1." / "2)" / "#3" / "Myth 4:", not a bare figure: "6 weeks on LR3" is no list number.
  return text.replace(/^\s*(?:(?:myth|claim|step|part|no\.?)\s*#?\d{1,2}\s*[.):–-]?|#\d{1,2}[.):–-]?|\d{1,2}[.)])\s+/i, '');
}

export function isOtherCompoundRow(text: string): boolean {
  const i = text.indexOf(' | ');
  if (i < 0) return false;
  const first = text.slice(0, i);
  return ROW_OTHER.test(first) || OTHER_PEPTIDE.test(first) || OTHER_SUBSTANCE.test(first);
}
const ROW_OTHER = /\b(?:h?gh|growth hormone|somatropin|insulin|tren\w*|anavar|oxandrolone|sarms?|rad[- ]?140|ostarine|trt)\b/i;

/**
 * On a page that examines claims (news, fact-checks), a sentence describing what some users do
 * ("Some users pair LR3 with insulin after training to push nutrients into muscle") reports the
 * practice's purpose; it does not sell the benefit. (The practice itself stays dosing.)
 */
export const REPORTED_PRACTICE =
  /^\s*(?:some|many|most|a few|other|these)\s+(?:users|lifters|people|bodybuilders|athletes|men|women|gym-?goers|influencers|fans|enthusiasts|customers)\s+(?:\w+\s+){0,2}?(?:pair|pairs|stack|stacks|combine|combines|use|uses|take|takes|inject|injects|run|runs|add|adds|mix|mixes|cycle|cycles)\b/i;

/** The words after a quotation criticise it ("the creator's '6 weeks is a cycle' line reflects lore, not evidence"). */
export function isCriticisedQuote(sentence: string, end: number): boolean {
  const rest = sentence.slice(end);
  const close = rest.search(/["”’]|'(?=[\s,.;:!?—–-]|$)/);
  return close >= 0 && CRITICISM.test(rest.slice(close + 1));
}

/** Words judging a dose as harmful ("a reckless amount", "going to put somebody in the hospital"). */
const DOSE_HARM =
  /\b(?:(?:far|way|well|many times) (?:above|beyond|higher than|more than) (?:anything|any dose|what) (?:that )?(?:has )?(?:ever )?(?:been )?(?:measured|tested|studied|given|used) in (?:a person|people|humans|anyone)|reckless|irresponsible|dangerous|unsafe|asking for (?:trouble|a hypo|problems)|a death wish|russian roulette|(?:put|puts|land|lands|send|sends|putting|landing|sending)\s+(?:somebody|someone|you|people|them|yourself|themselves|him|her|a (?:newbie|beginner|kid))\s+in\s+(?:the\s+)?(?:hospital|er|icu|a coma))\b/i;

/**
 * A dose figure quoted only to criticise it (policy, "Never flag"): the clause holding the dose
 * also judges it harmful ("Honestly 50mcg a day is a reckless amount for a first run"). A dose in
 * another clause of the sentence ("100 is dangerous, 40 is plenty") stays a dose.
 */
export function isCriticisedDose(sentence: string, start: number, end: number): boolean {
  // "... is reckless but I do it anyway": owned, not criticised.
  if (!DOSE_HARM.test(sentence) || /\b(?:anyway|anyways|regardless|still (?:do|run|pin|take|use) it)\b/i.test(sentence)) return false;
  // "Some users pair LR3 with insulin after workouts, a practice doctors call dangerous."
  if (PRACTICE_JUDGED.test(sentence)) return true;
  let from = 0;
  for (const m of sentence.slice(0, start).matchAll(DOSE_CLAUSE)) from = m.index! + m[0].length;
  const tail = sentence.slice(end).search(DOSE_CLAUSE);
  const clause = sentence.slice(from, tail >= 0 ? end + tail : sentence.length);
  return DOSE_HARM.test(clause) && DOSE_FIGURE.test(clause);
}
/** A dose figure ("50mcg", "100 mcg ED", "4 iu", "triple digits"), not a time or a count. */
const DOSE_FIGURE = /(?:\d|\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred))\s*(?:mcgs?|micrograms?|µg|μg|ug|mg|ius?|units?|ml)\b|\b\d{2,3}\s*(?:ed|eod|a day|daily|per day)\b|\btriple digits\b/i;
/** An appositive judging the practice just described ("..., a practice doctors call dangerous"). */
const PRACTICE_JUDGED =
  /,\s*(?:a|an|which is an?|the kind of|advice|something)\s+(?:[\w'’-]+\s+){0,2}?(?:practice|protocol|dose|combination|combo|habit|approach|regimen|stack|advice|routine)\b[^.;]{0,60}?\b(?:reckless|irresponsible|dangerous|unsafe)\b/i;
const DOSE_CLAUSE = /[,;:|]\s|\s[-–—]\s|\.\.\.\s*|\b(?:but|however|though|although|whereas|instead|so)\b/gi;
