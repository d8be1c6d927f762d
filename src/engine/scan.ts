/**
 * The document pipeline: prefilter → scope → sentences → compromise match net → context → findings.
 * A page is read as blocks with their post/section/page context, not as isolated sentences.
 */
import type { CompiledRule, CompiledRuleSet, CompiledSubstance } from '../rules/schema';
import type { Mention, Prefilter } from './prefilter';
import type { Block, DocumentInput, Evidence, Finding } from './types';
import { createMatcher, type Matcher } from './nlp';
import { splitSentences, type Span } from './sentences';
import { namesOtherSubstance, QUOTED_WHOLE, RISK_WORDS, OTHER_PEPTIDE, STACKED_WITH, IMPLICIT_GATE, HOW_TO, IMPLICIT_PEPTIDE, IMPLICIT_USE, LABEL_TALK, OTHER_SUBSTANCE, REPORTED_PRACTICE, VERDICT_LEAD, hasHumanUseLanguage, sectionRebuts, isClaimUnderReview, isCriticalPage, isCriticisedDose, isCriticisedQuote, isHearsayQuestion, isHeaderRow, isClaimGradingHeader, withoutListNumber, isNegated, isOtherCompoundRow, isPreclinicalOnly, isQuoted, isQuotedReport, isMockedQuote, isRebuttal, isRelayedHearsay, isTopicTeaser, isUseQuestion, isDoseJudgementQuestion, inOtherPeptideClause, readsAsProtocol } from './context';

interface Prepared {
  defaultCovered: CompiledSubstance | undefined;
  implicitPeptide: RegExp | null;
  matcher: Matcher;
  substances: Map<string, CompiledSubstance>;
  except: (RegExp | null)[];
}

const NO_MENTIONS: Mention[] = [];
const FOLLOW_CUE = /\b(?:this|that|the|same|our) (?:batch|stuff|peptide|compound|vials?|product|lot|restock)\b/i;
const SHOP_DISCLAIMER = /\b(?:research (?:use|purposes)|laboratory (?:research|use|reagents?)|lab (?:use|reagents?)|not for human (?:consumption|use))\b/i;
/** A post's author line: a display name and @handle, perhaps a date ("Brayden Cole | Recomp Lab @braydenrecomp Mar 2"). */
const BYLINE = /^[^.!?@\n]{1,60}@[A-Za-z0-9_]{2,30}(?:\s*[·•]?\s*(?:\d{1,2}[hms]|[A-Z][a-z]{2} \d{1,2}(?:, \d{4})?))?\s*$/;
const METADATA_LEAD = /^\s*(?:tags?|categories|category|filed under|keywords|topics?|labels)\s*:/i;

const prepared = new WeakMap<CompiledRuleSet, Prepared>();

function prepare(rules: CompiledRuleSet): Prepared {
  let p = prepared.get(rules);
  if (!p) {
    const coveredList = rules.substances.filter((s) => s.covered);
    p = {
      // Only meaningful while one peptide is covered: with several, an unnamed one is unknown.
      defaultCovered: coveredList.length === 1 ? coveredList[0] : undefined,
      implicitPeptide: coveredList.length === 1 ? IMPLICIT_PEPTIDE : null,
      matcher: createMatcher(rules),
      substances: new Map(rules.substances.map((s) => [s.id, s])),
      except: rules.rules.map((r) => (r.except.length ? new RegExp(r.except.map((x) => `(?:${x})`).join('|'), 'i') : null)),
    };
    prepared.set(rules, p);
  }
  return p;
}

/** Which substance a block is "about", in order: its own mention, its post/section, the page. */
function scopeOf(
  doc: DocumentInput,
  mentions: Mention[][],
  titleMentions: Mention[],
  isScopeSubstance: (id: string) => boolean,
): (string | null)[] {
  const first = (ms: Mention[]) => ms.find((m) => isScopeSubstance(m.substance))?.substance ?? null;
  const bySection = new Map<string, string>();
  doc.blocks.forEach((b, i) => {
    const s = first(mentions[i]!);
    if (s && b.section !== undefined && !bySection.has(b.section)) bySection.set(b.section, s);
  });
  // All blocks in one section (or none)? Compared with the first block's rather than counted in a
  // Set: on a forum page the second post already answers, with no Set of every post id.
  const oneSection = doc.blocks.every((b) => b.section === doc.blocks[0]!.section);
  let page = first(titleMentions);
  if (!page && oneSection) {
    // A page without posts (an article, a product page) is about what it mentions.
    for (const ms of mentions) if ((page = first(ms))) break;
  }
  // Page chrome (header, footer, disclaimers: blocks in no post or section) belongs to the page,
  // which is about a substance its posts or sections name more than once.
  let chrome = page;
  if (!chrome) {
    const count = new Map<string, number>();
    for (const ms of mentions) for (const m of ms) if (isScopeSubstance(m.substance)) count.set(m.substance, (count.get(m.substance) ?? 0) + 1);
    for (const [id, n] of count) if (n >= 2 && (!chrome || n > count.get(chrome)!)) chrome = id;
  }
  // A post that names nothing, on a page whose title names nothing, continues the post right
  // before it when that one named what the page is about (a channel's "How our clients use it 👇"
  // under its LR3 restock post). One step only: the post after that starts afresh.
  // It must read as peptide copy itself (dosing jargon, "this batch"): the next post in a
  // general thread that talks about squats or sleep is not about it.
  const follows = new Map<string, string>();
  if (!page && chrome) {
    const candidates = new Set<string>();
    let prev: string | undefined;
    for (const b of doc.blocks) {
      if (b.section === undefined) continue;
      if (b.section !== prev) {
        if (!bySection.has(b.section) && prev !== undefined && bySection.get(prev) === chrome) candidates.add(b.section);
        prev = b.section;
      }
      if (candidates.has(b.section) && !follows.has(b.section) && (IMPLICIT_GATE.test(b.text) || FOLLOW_CUE.test(b.text) || STACKED_WITH.test(b.text))) follows.set(b.section, chrome);
    }
  }
  // A heading sets the topic of what follows it, up to the next heading: its own substance, or
  // another peptide ("3. CJC-1295 / Ipamorelin: the GH piece" in a stack guide that also covers
  // LR3), whose section's unnamed doses and benefits are then not about a covered substance.
  let heading: string | null = null;
  let otherHeading = false;
  return doc.blocks.map((b, i) => {
    const own = first(mentions[i]!);
    if (b.role === 'heading') {
      heading = own;
      otherHeading = !own && OTHER_PEPTIDE.test(b.text) && !STACKED_WITH.test(b.text) && !mentions[i]!.length;
    }
    if (!own && otherHeading) return null;
    return (
      own ??
      (b.section !== undefined ? (bySection.get(b.section) ?? follows.get(b.section)) : undefined) ??
      heading ??
      // A shop-wide disclaimer ("All products are sold strictly for laboratory research") is about
      // the page's products wherever it stands, like page chrome.
      (b.section === undefined || (chrome && SHOP_DISCLAIMER.test(b.text)) ? chrome : page)
    );
  });
}

function evidenceFor(rule: CompiledRule, s: CompiledSubstance): { evidence: Evidence; refs: Finding['sources'] } {
  const area = s.evidence[rule.evidence.area] ?? s.evidence.general;
  if (rule.evidence.grade && rule.evidence.reason) return { evidence: { grade: rule.evidence.grade, reason: rule.evidence.reason }, refs: area?.references ?? [] };
  if (area) return { evidence: { grade: area.grade, reason: area.reason }, refs: area.references };
  return { evidence: { grade: 'unsupported', reason: 'No evidence grade is recorded for this claim.' }, refs: [] };
}

function uniqueSources(list: Finding['sources']): Finding['sources'] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}

interface Candidate {
  rule: CompiledRule;
  severity: Finding['severity'];
  titleSuffix: string;
  block: number;
  sentenceStart: number;
  sentenceEnd: number;
  start: number; // local to block
  end: number;
  substance: CompiledSubstance;
}

export interface ScanOptions {
  /** false: one finding per rule match (rule tests); default true: one per sentence and kind. */
  merge?: boolean;
}

export function scanDocument(rules: CompiledRuleSet, prefilter: Prefilter, doc: DocumentInput, opts: ScanOptions = {}): Finding[] {
  const { matcher, substances, except, defaultCovered, implicitPeptide } = prepare(rules);
  const blocks = withOffsets(doc.blocks);
  const texts = blocks.map((b) => b.text);
  const hits = prefilter.candidates(texts);
  let titleMentions = doc.title && prefilter.test(doc.title) ? prefilter.mentions(doc.title) : [];
  // Fast path: nothing names a substance and no peptide jargon anywhere (most pages on the web).
  if (!hits.size && !titleMentions.length && !(implicitPeptide && texts.some((t) => IMPLICIT_GATE.test(t)))) return [];
  let mentions = blocks.map((b, i) => (hits.has(i) ? prefilter.mentions(b.text) : NO_MENTIONS));
  // A bare weak alias somewhere? Then the page's collision context decides for the whole page
  // (a regex pass over every block: only paid when a weak alias was seen).
  if (titleMentions.some((m) => m.weak) || mentions.some((ms) => ms.some((m) => m.weak))) {
    const blocked = prefilter.weakBlocked(doc.title ? [doc.title, ...texts] : texts);
    if (blocked.size) {
      const keep = (ms: Mention[]) => ms.filter((m) => !(m.weak && blocked.has(m.substance)));
      titleMentions = keep(titleMentions);
      mentions = mentions.map((ms) => (ms.length ? keep(ms) : ms));
    }
  }
  const covered = (id: string) => substances.get(id)?.covered === true;
  const approved = (id: string) => substances.get(id)?.approvedDrug === true;
  const scopeCovered = scopeOf(doc, mentions, titleMentions, covered);
  const scopeApproved = scopeOf(doc, mentions, titleMentions, approved);

  let critical: boolean | undefined; // computed on first need: most pages never ask
  const isCritical = () => (critical ??= isCriticalPage(blocks.map((b) => b.text)));
  const candidates: Candidate[] = [];
  let grading: boolean[] | undefined; // rows under a claim-grading header: on first table row in scope
  // Each block's sentences as split for the matcher, reused for the mention badges.
  const split: (Span[] | undefined)[] = [];
  blocks.forEach((block, bi) => {
    // With no substance named anywhere (a lone post, a pasted sentence), unmistakable peptide
    // dosing jargon ("40 mcg ED", "2 ml bac water", "slin pin") still reads as dosing copy.
    const implicit =
      !hits.size && !titleMentions.length && implicitPeptide
        ? IMPLICIT_GATE.test(block.text) && implicitPeptide.test(block.text) && IMPLICIT_USE.test(block.text) && !OTHER_SUBSTANCE.test(block.text)
        : false;
    const inScope = scopeCovered[bi] ?? scopeApproved[bi] ?? (implicit ? defaultCovered?.id : null);
    if (!inScope) return;
    const next = blocks[bi + 1];
    const underReview =
      isClaimUnderReview(block.text, next && next.section === block.section ? next.text : '') ||
      ((block.role === 'quote' || QUOTED_WHOLE.test(block.text)) && sectionRebuts(blocks, bi)) ||
      (VERDICT_LEAD.test(block.text) && isCritical());
    // Section labels ("Cycle length") and tag lines ("Tags: dosing, muscle growth") name topics; they claim nothing.
    if (block.role === 'heading') {
      const label = withoutListNumber(block.text);
      if (!/\d/.test(label) && label.trim().split(/\s+/).length < 4) return;
    }
    if (METADATA_LEAD.test(block.text) || BYLINE.test(block.text)) return;
    // Table rows: column labels claim nothing; a row whose first cell is another compound is about it.
    // Rows of a table that grades claims ("Claimed benefit | Best evidence") list them to judge them.
    if (block.role === 'table-row' && (grading ??= claimGradingRows(blocks))[bi]) return;
    if (block.text.includes(' | ') && !mentions[bi]!.some((m) => covered(m.substance)) &&
      ((block.role === 'table-row' && blocks[bi - 1]?.role !== 'table-row' && isHeaderRow(block.text)) || isOtherCompoundRow(block.text))) return;
    // A post about creatine or insulin for diabetes, in a thread that is about LR3 elsewhere.
    if (!mentions[bi]!.some((m) => covered(m.substance)) && namesOtherSubstance(block.text)) return;
    const sentences = (split[bi] = splitSentences(block.text));
    // Set once a sentence of this block was about another peptide: a following sentence that names
    // nothing continues that topic ("Any chance of a CJC deep dive? My sleep on it has been great").
    let otherTopic = false;
    sentences.forEach((sp) => {
      const sentence = block.text.slice(sp.start, sp.end);
      const own = mentions[bi]!.filter((m) => m.start >= sp.start && m.end <= sp.end);
      // The sentence's own substance wins: a mecasermin label sentence on an LR3 page is about mecasermin.
      const ownCovered = own.find((m) => covered(m.substance))?.substance;
      const ownApproved = own.find((m) => approved(m.substance))?.substance;
      const substanceId = ownCovered ?? ownApproved ?? inScope;
      // "I cycle my caffeine: two weeks off" in an LR3 thread is about caffeine, not LR3.
      // ("It's as safe as creatine", "milder than a pre-workout": a comparison, still about LR3.)
      if (!ownCovered && namesOtherSubstance(sentence)) return;
      // "bpc 250mcg twice a day healed my shoulder" in an LR3 thread is about BPC-157, not LR3;
      // "stack it with our CJC-1295" on the LR3 page still combines it with LR3.
      // (A weak alias set aside for the page's collisions, "lr3 + cjc/ipa" on a forum that also
      // links a Land Rover thread, still names LR3 here.)
      if (!ownCovered && (OTHER_PEPTIDE.test(sentence) || otherTopic) && !STACKED_WITH.test(sentence) && !prefilter.mentions(sentence).some((m) => covered(m.substance))) {
        otherTopic = true;
        return;
      }
      otherTopic = false;
      // Label language ("its labeled starting dose ... applies only to pediatric patients").
      const labelTalk = !ownCovered && LABEL_TALK.test(sentence) && !readsAsProtocol(sentence);
      const sentenceSubstance = substances.get(substanceId)!;
      const raw = matcher.match(
        sentence,
        own.map((m) => ({ start: m.start - sp.start, end: m.end - sp.start })),
      );
      if (!raw.length) return;
      // What follows in the block (a reply to a quoted line, a rebuttal after a claim); after a
      // paragraph's last sentence, the next paragraph of the same post, or of the page outside posts
      // ("My trainer says ... as long as I eat carbs with it." then "Is that real or marketing?").
      let next = block.text.slice(sp.end, sp.end + 400).trim();
      if (!next && block.role === 'paragraph') {
        const nb = blocks[bi + 1];
        if (nb && nb.section === block.section && nb.role === 'paragraph') next = nb.text.slice(0, 400).trim();
      }
      // Whether the sentence reads as quoted to be rebutted, in three variants, each computed on first need.
      let rebuttal: boolean | undefined;
      let rebuttalExceptMyth: boolean | undefined;
      let dosingRebuttal: boolean | undefined;
      let riskWords: boolean | undefined;
      const question = isHearsayQuestion(sentence) || isRelayedHearsay(sentence, block.role === 'quote');
      let useQuestion: boolean | undefined;
      let otherPeptide: boolean | undefined;
      let howTo: boolean | undefined;
      const ownSpans = own.filter((o) => covered(o.substance)).map((o) => ({ start: o.start - sp.start, end: o.end - sp.start }));
      const preclinical = isPreclinicalOnly(sentence);
      for (const m of raw) {
        const rule = rules.rules[m.rule]!;
        // "Genuine Increlex alternative" on an LR3 page: the approved drug named inside the claim is
        // the comparison; the claim is about the page's substance.
        const substance =
          sentenceSubstance.approvedDrug && !sentenceSubstance.covered && rule.kind === 'regulatory-claim' && scopeCovered[bi] &&
          own.some((o) => approved(o.substance) && o.start - sp.start >= m.start && o.end - sp.start <= m.end)
            ? substances.get(scopeCovered[bi]!)!
            : sentenceSubstance;
        if (!appliesTo(rule, substance)) continue;
        if (rule.kind === 'dosing' && ((useQuestion ??= isUseQuestion(sentence) || isDoseJudgementQuestion(sentence)) || ((howTo ??= HOW_TO.test(sentence)) && isTopicTeaser(sentence, m.start)))) continue;
        if (ownSpans.length && (otherPeptide ??= OTHER_PEPTIDE.test(sentence)) && inOtherPeptideClause(sentence, m.start, m.end, ownSpans, block.text)) continue;
        if (labelTalk && rule.kind === 'dosing') continue;
        const ex = except[m.rule];
        if (ex && ex.test(`${sentence.slice(Math.max(0, m.start - 40), m.start)}[[${sentence.slice(m.start, m.end)}]]${sentence.slice(m.end, m.end + 40)}`)) continue;
        let severity = rule.severity;
        let titleSuffix = '';
        if (rule.context.negation === 'suppress' && isNegated(sentence, m.start, m.end)) continue;
        if (rule.context.rebuttal === 'suppress') {
          const riskDenial = (rule.kind === 'safety-claim' || rule.kind === 'dosing') && (riskWords ??= RISK_WORDS.test(sentence));
          // A dose is "described, not endorsed" when attributed ("forum users describe injecting ..."):
          // still dosing copy unless the sentence criticises or rebuts it.
          const rebutted =
            rule.kind === 'dosing'
              ? (dosingRebuttal ??= underReview || isRebuttal(sentence, 0, 0, next, riskDenial, false))
              : riskDenial
                ? (rebuttalExceptMyth ??= underReview || isRebuttal(sentence, 0, 0, next, true))
                : (rebuttal ??= underReview || isRebuttal(sentence, 0, 0, next));
          // The rest of isRebuttal does not depend on the match: only a reported quotation around it does.
          if (rebutted || isQuotedReport(sentence, m.start, m.end) || (isQuoted(sentence, m.start, m.end) && (isCritical() || isCriticisedQuote(sentence, m.end) || isMockedQuote(sentence)))) continue;
          if (rule.kind === 'dosing' && isCriticisedDose(sentence, m.start, m.end)) continue;
          if (rule.kind === 'efficacy-claim' && REPORTED_PRACTICE.test(sentence) && isCritical()) continue;
        }
        if (rule.context.question === 'suppress' && question) continue;
        // Approved drugs (mecasermin): on-label dosing is not a claim; reused as a protocol it is.
        if (substance.approvedDrug && !substance.covered && (rule.kind !== 'dosing' || !readsAsProtocol(sentence))) continue;
        if ((rule.kind === 'efficacy-claim' || rule.kind === 'dosing') && severity === 'flag' && preclinical) {
          severity = 'info';
          titleSuffix = ' (cells or animals only)';
        }
        // Label dosing reused as a protocol: the whole sentence is the claim, not the label's number.
        const whole = substance.approvedDrug && !substance.covered;
        const start = whole ? sp.start : sp.start + m.start;
        const end = whole ? sp.start + sentence.replace(/[\s.!?]+$/, '').length : sp.start + m.end;
        candidates.push({ rule, severity, titleSuffix, block: bi, sentenceStart: sp.start, sentenceEnd: sp.end, start, end, substance });
      }
    });
  });

  // "Research use only" is a flag only beside human-use copy on the same page (or in the same sentence).
  const humanUse = candidates.some((c) => c.severity === 'flag' && (c.rule.kind === 'dosing' || c.rule.kind === 'efficacy-claim'));
  const kept = candidates.filter(
    (c) => !c.rule.context.requiresHumanUse || humanUse || hasHumanUseLanguage(blocks[c.block]!.text.slice(c.sentenceStart, c.sentenceEnd).replace(/research|human consumption|human use/gi, '')),
  );

  const findings = mergeCandidates(kept, blocks, opts.merge !== false);
  findings.push(...mentionBadges(blocks, mentions, substances, split));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  return findings;
}

function appliesTo(rule: CompiledRule, s: CompiledSubstance): boolean {
  if (rule.substances.includes(s.id)) return true;
  if (!rule.substances.includes('covered')) return false;
  return s.covered || (s.approvedDrug && rule.kind === 'dosing');
}

function withOffsets(blocks: Block[]): Block[] {
  if (blocks.every((b) => typeof b.offset === 'number')) return blocks;
  let at = 0;
  return blocks.map((b) => {
    const offset = at;
    at += b.text.length + 2;
    return { ...b, offset };
  });
}

/** One finding per sentence and kind: the flagged text runs from the first to the last match. */
function mergeCandidates(cands: Candidate[], blocks: Block[], merge: boolean): Finding[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const key = merge ? `${c.block}:${c.sentenceStart}:${c.rule.kind}:${c.severity}` : `${c.block}:${c.start}:${c.end}:${c.rule.id}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => a.start - b.start || b.end - a.end);
    const lead = g[0]!;
    // Efficacy and safety claims are statements: the finding covers the whole sentence making them.
    const whole = merge && (lead.rule.kind === 'efficacy-claim' || lead.rule.kind === 'safety-claim');
    const start = whole ? lead.sentenceStart : lead.start;
    const end = whole ? lead.sentenceStart + blocks[lead.block]!.text.slice(lead.sentenceStart, lead.sentenceEnd).replace(/[\s.!?…]+$/, '').length : Math.max(...g.map((c) => c.end));
    const block = blocks[lead.block]!;
    const { evidence, refs } = evidenceFor(lead.rule, lead.substance);
    const s = lead.substance;
    out.push({
      ruleId: lead.rule.id,
      kind: lead.rule.kind,
      severity: lead.severity,
      title: lead.rule.title + lead.titleSuffix,
      text: block.text.slice(start, end),
      start: block.offset! + start,
      end: block.offset! + end,
      block: lead.block,
      blockStart: start,
      blockEnd: end,
      sentence: block.text.slice(lead.sentenceStart, lead.sentenceEnd),
      substance: s.id,
      substanceName: s.name,
      evidence,
      fda: s.fda,
      wada: s.wada,
      explanation: lead.rule.explanation,
      sources: uniqueSources([...lead.rule.sources, ...refs, s.fda.source, s.wada.source]),
    });
  }
  return out;
}

/** The first mention of a covered (or approved contrast) substance on the page and in each post. */
function mentionBadges(blocks: Block[], mentions: Mention[][], substances: Map<string, CompiledSubstance>, split: (Span[] | undefined)[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  blocks.forEach((b, bi) => {
    for (const m of mentions[bi]!) {
      const s = substances.get(m.substance);
      if (!s || !(s.covered || s.approvedDrug)) continue;
      const pageKey = `page:${s.id}`;
      const postKey = `${b.section ?? ''}:${s.id}`;
      if (seen.has(pageKey) && (b.section === undefined || seen.has(postKey))) continue;
      seen.add(pageKey);
      seen.add(postKey);
      const general = s.evidence.general;
      const sentence = (split[bi] ??= splitSentences(b.text)).find((sp) => sp.start <= m.start && sp.end >= m.end);
      out.push({
        ruleId: `${s.id}/mention`,
        kind: 'mention',
        severity: 'info',
        title: `${s.name}: status`,
        text: b.text.slice(m.start, m.end),
        start: b.offset! + m.start,
        end: b.offset! + m.end,
        block: bi,
        blockStart: m.start,
        blockEnd: m.end,
        sentence: sentence ? b.text.slice(sentence.start, sentence.end) : b.text,
        substance: s.id,
        substanceName: s.name,
        evidence: general ? { grade: general.grade, reason: general.reason } : { grade: 'unsupported', reason: 'No evidence grade is recorded.' },
        fda: s.fda,
        wada: s.wada,
        explanation: `${s.fda.summary} ${s.wada.summary}`,
        sources: uniqueSources([s.fda.source, s.wada.source, ...(general?.references ?? [])]),
      });
    }
  });
  return out;
}

/**
 * For each block: is it a row under a claim-grading header row of the same table (a run of
 * consecutive table rows in one section, headed by its first row)? One pass over the document.
 */
function claimGradingRows(blocks: Block[]): boolean[] {
  const out: boolean[] = [];
  let grading = false;
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    const inRun = b.role === 'table-row' && prev?.role === 'table-row' && prev.section === b.section;
    if (!inRun) grading = b.role === 'table-row' && isHeaderRow(b.text) && isClaimGradingHeader(b.text);
    out.push(inRun && grading);
  });
  return out;
}
