/**
 * The engine as a reader would judge it: what is flagged, what is left alone, and what each
 * finding says. Each case is one line of the labelling policy (../shared/labelling-policy.md).
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';
import type { Block, Finding } from '../../src/engine/types';

const engine = loadEngine();
const flagsIn = (text: string, title?: string) => engine.scan({ title, blocks: [{ text }] }).findings.filter((f) => f.severity === 'flag');
const kinds = (fs: Finding[]) => [...new Set(fs.map((f) => f.kind))].sort();

describe('substance names', () => {
  it.each([
    'IGF-1 LR3',
    'IGF1-LR3',
    'IGF1 LR3',
    'Long R3 IGF-1',
    'LR3 IGF-1',
    'IGF-1 Long R3',
    'igf lr3',
    'Long(R3)-IGF-I',
    'IFG-1 LR3',
    'IGF-I LR3',
  ])('recognises "%s"', (name) => {
    expect(flagsIn(`${name}: run 40 mcg every day post-workout.`).map((f) => f.kind)).toContain('dosing');
  });

  it.each([
    'My Land Rover LR3 needs new air suspension; the dealer wants 40 mcg of patience and 2 ml of luck every day.',
    'The IGF (Internet Governance Forum) meets daily; delegates take 20 minutes before each session.',
    'The ED50 was 40 mcg/kg in mice.',
    'TB treatment means daily pills for 6 months.',
    'Your IGF-1 level was 180 ng/mL, within the reference range.',
    'Creatine loading: 20 g a day for 5 days, then a maintenance dose.',
    'I take 10 units of insulin before meals for my type 1 diabetes.',
    'The timer runs on one LR3 (AAA) battery; I dose 4 units of fertiliser a day and the shrimp show no side effects.',
  ])('leaves a word collision alone: %s', (text) => {
    expect(flagsIn(text)).toEqual([]);
  });
});

describe('page-wide collisions', () => {
  it('turns a bare "LR3" off for the whole page when the page is about the car', () => {
    const doc = {
      title: 'LR3 "Suspension Fault" after a cold night',
      blocks: [
        { text: 'Forums › Technical › Discovery 3 / LR3' },
        { text: 'My LR3 dropped again; I run the compressor 20 minutes every day before driving.', section: 'p1' },
      ],
    };
    expect(engine.scan(doc).findings).toEqual([]);
  });

  it('leaves a post about creatine or diabetic insulin alone in a thread about LR3', () => {
    const fs = engine.scan({
      title: 'IGF-1 LR3 thread',
      blocks: [
        { text: 'Unrelated, is creatine loading worth it? Just doing 5g a day lol.', section: 'p1' },
        { text: 'I did my 12 units of Lantus in the car while waiting.', section: 'p2' },
      ],
    }).findings;
    expect(fs.filter((f) => f.severity === 'flag')).toEqual([]);
  });

  it('leaves a sentence about another peptide alone in an LR3 thread, unless it is stacked with LR3', () => {
    const title = 'IGF-1 LR3 and TB-500 for a torn calf?';
    expect(flagsIn('TB-500 at 2 mg a week sorted my achilles in a month.', title)).toEqual([]);
    expect(flagsIn('My sermorelin shots every night fixed my sleep.', title)).toEqual([]);
    expect(kinds(flagsIn('Throw some TB-500 in with it for the injury.', title))).toContain('dosing');
    expect(kinds(flagsIn('lr3 at 40 mcg plus TB-500 at 2 mg, both twice a week.', title))).toContain('dosing');
  });
});

describe('context decides', () => {
  it('flags a claim sentence that names no substance when its post is about one', () => {
    const blocks: Block[] = [
      { text: 'Week 3 on IGF-1 LR3.', section: 'post-1' },
      { text: 'It could even fix damaged muscle.', section: 'post-1' },
      { text: 'It could even fix damaged muscle.', section: 'post-2' },
    ];
    const fs = engine.scan({ title: 'Training logs', blocks }).findings.filter((f) => f.severity === 'flag');
    expect(fs.map((f) => [f.block, f.kind])).toEqual([[1, 'efficacy-claim']]);
  });

  it('reads a post that names nothing as continuing the post before it, on a page about the substance', () => {
    // A vendor channel: the restock post names LR3, the next one says how "it" is used.
    const blocks: Block[] = [
      { text: 'Restock: IGF-1 LR3 1mg vials, COA on request.', section: 'm1' },
      { text: 'How our clients use it: 40mcg sub-q after training.', section: 'm2' },
      { text: 'Shipping Mon to Fri, tracked.', section: 'm3' },
      { text: 'Price list: IGF-1 LR3 1mg x 10, 180 EUR.', section: 'm4' },
      { text: 'Heavy squats build lean muscle fast, trust the process.', section: 'm5' },
      { text: 'IGF-1 LR3 is back in stock.', section: 'm6' },
      { text: 'Loyal clients say this batch builds lean muscle fast.', section: 'm7' },
      { text: 'Another client says this batch builds lean muscle fast.', section: 'm8' },
      { text: 'All products are sold strictly for laboratory research. Not for human consumption.', section: 'm9' },
    ];
    const fs = engine.scan({ title: 'Peptide Lab Direct', blocks }).findings.filter((f) => f.severity === 'flag');
    // m2 and m7 follow a post naming LR3 and read as peptide copy; m5 follows one but is about
    // squats; m8 is two posts away and starts afresh; the shop-wide disclaimer is about the page's
    // products wherever it stands, and sits beside human use.
    expect(fs.map((f) => [f.block, f.kind])).toEqual([
      [1, 'dosing'],
      [6, 'efficacy-claim'],
      [8, 'regulatory-claim'],
      [8, 'regulatory-claim'],
    ]);
  });

  it('does not flag the rows of a table that grades claims, or a numbered section label', () => {
    const page = (header: string): Block[] => [
      { text: 'IGF-1 LR3: what the evidence says', role: 'heading' },
      { text: '1. New muscle fibres', role: 'heading' },
      { text: header, role: 'table-row' },
      { text: 'Muscle growth | Extrapolated from IGF-1 biology', role: 'table-row' },
      { text: 'Anti-ageing | Speculative', role: 'table-row' },
    ];
    const flagged = (blocks: Block[]) => engine.scan({ title: 'IGF-1 LR3 explained', blocks }).findings.filter((f) => f.severity === 'flag').map((f) => f.block);
    expect(flagged(page('Claimed benefit | Best evidence'))).toEqual([]);
    // The same rows under a seller's header are claims.
    expect(flagged(page('Benefit | Onset'))).toEqual([3, 4]);
  });

  it('does not flag a quoted claim that the reply under it corrects, but does flag the original', () => {
    const blocks: Block[] = [
      { text: "Mine came from a shop that's FDA registered so it must be legit.", section: 'p8', role: 'paragraph' },
      { text: 'pete said: FDA registered', section: 'p9', role: 'quote' },
      { text: 'Registration only means a facility is on a list; it says nothing about the product being approved.', section: 'p9', role: 'paragraph' },
      { text: 'pete said: FDA registered', section: 'p10', role: 'quote' },
      { text: 'Exactly, that is why I buy from them.', section: 'p10', role: 'paragraph' },
    ];
    const fs = engine.scan({ title: 'IGF-1 LR3 first run', blocks }).findings.filter((f) => f.severity === 'flag');
    expect(fs.map((f) => [f.block, f.kind])).toEqual([
      [0, 'regulatory-claim'],
      [3, 'regulatory-claim'],
    ]);
  });

  it('flags the whole thread when its title names the substance', () => {
    expect(kinds(flagsIn('Bumped it to 60 mcg ED this week.', 'IGF-1 LR3 log - week 4'))).toEqual(['dosing']);
  });

  it('does not flag negated claims, but flags hedged ones', () => {
    expect(flagsIn('There is no evidence that IGF-1 LR3 builds muscle in humans.')).toEqual([]);
    expect(kinds(flagsIn('IGF-1 LR3 may build lean muscle, users report.'))).toEqual(['efficacy-claim']);
  });

  it('flags a claim whose writer scoffs at the debunk, and not a result said to prove nothing', () => {
    const title = 'IGF-1 LR3 myths';
    expect(kinds(flagsIn("Myths my foot, I've run igf1-lr3 at 50mcg ED for years and I'm bigger than ever.", title))).toEqual(['dosing', 'efficacy-claim']);
    expect(flagsIn("Quicker recovery over a month when you're also sleeping better isn't evidence of anything.", title)).toEqual([]);
  });

  it('does not flag a claim in quotation marks that the sentence mocks, but does when the writer owns it', () => {
    const title = 'IGF-1 LR3 thread';
    expect(flagsIn("Oh sure, 'no side effects', that's why half this thread is about going hypo at 3am 🙄", title)).toEqual([]);
    expect(flagsIn("'totally safe' lol, you literally posted about the shakes last week", title)).toEqual([]);
    expect(kinds(flagsIn("I call it my 'no side effects' peptide, honestly the safest thing I run.", title))).toEqual(['safety-claim']);
    expect(kinds(flagsIn('LR3 has no side effects lol, been on it 8 weeks.', title))).toEqual(['safety-claim']);
  });

  it('does not flag what a question keeps reading, then asks the evidence for, nor a reply that calls an anecdote no evidence', () => {
    const blocks: Block[] = [
      { text: 'I keep reading that lr-3 creates brand-new muscle fibres.', role: 'paragraph' },
      { text: 'Is there any human evidence for that, or is it gym folklore?', role: 'paragraph' },
      { text: 'An anecdote is not evidence, and calves grow when you finally train them.', role: 'paragraph' },
      { text: 'I ran lr-3 for five weeks and my calves finally grew.', role: 'paragraph' },
    ];
    const fs = engine.scan({ title: 'Does IGF-1 LR3 cause hyperplasia?', blocks }).findings.filter((f) => f.severity === 'flag');
    expect(fs.map((f) => [f.block, f.kind]).sort()).toEqual([
      [3, 'dosing'],
      [3, 'efficacy-claim'],
    ]);
  });

  it('does not flag a claim quoted to rebut it', () => {
    expect(flagsIn('Sellers claim IGF-1 LR3 builds muscle, but no human trial supports it.')).toEqual([]);
    expect(flagsIn("The letter lists representations such as 'IGF-1 LR3 builds lean muscle fast' as proof the product is an unapproved new drug.")).toEqual([]);
    expect(flagsIn('Influencers trade IGF-1 LR3 post-workout timing tips, yet no randomized trial backs any of it.')).toEqual([]);
  });

  it('flags a dose described as others\' practice, not one attributed to be criticised', () => {
    expect(kinds(flagsIn('Bodybuilders on Reddit say they pin IGF-1 LR3 at 40 mcg before bed.'))).toEqual(['dosing']);
    expect(flagsIn('One coach tells clients to pin 60 mcg of IGF-1 LR3 daily, a dose no trial has looked at.')).toEqual([]);
  });

  it('reads "fearmongered" as the promoter waving risks away, not as a rebuttal', () => {
    expect(kinds(flagsIn('IGF-1 LR3 gets fearmongered to death and it is perfectly safe.'))).toEqual(['safety-claim']);
  });

  it('does not flag hearsay questions', () => {
    expect(flagsIn('I heard IGF-1 LR3 causes hyperplasia, is that true?')).toEqual([]);
  });

  it('does not flag a thread title or a newcomer asking which route, but does flag a stated route', () => {
    // vBulletin repeats the thread title over every post: one question, not twelve flags.
    expect(flagsIn('Re: IGF-1 LR3 - bilat or sub-q?')).toEqual([]);
    expect(flagsIn('Sorry if this is a dumb question but is bilat actually better than sub-q in the belly?', 'IGF-1 LR3 - bilat or sub-q?')).toEqual([]);
    expect(kinds(flagsIn('I run 40mcg bilat, sub-q never did anything for me.', 'IGF-1 LR3 - bilat or sub-q?'))).toEqual(['dosing']);
  });

  it('reads a section under a heading about another peptide as about that peptide', () => {
    const blocks: Block[] = [
      { text: 'The Recovery Stack: BPC-157, CJC/Ipa and IGF-1 LR3', role: 'heading' },
      { text: '3. CJC-1295 / Ipamorelin: the GH piece', role: 'heading' },
      { text: 'The classic pairing is 100 mcg of each before bed, five nights a week.', role: 'paragraph' },
      { text: '4. IGF-1 LR3: the growth piece', role: 'heading' },
      { text: 'Community dosing is 20-50 mcg once a day after training.', role: 'paragraph' },
    ];
    const fs = engine.scan({ title: 'Peptide stack guide', blocks }).findings.filter((f) => f.severity === 'flag');
    // The title presents a stack with LR3 in it (dosing); the CJC section's dose is not LR3's.
    expect(fs.map((f) => [f.block, f.kind])).toEqual([[0, 'dosing'], [4, 'dosing']]);
  });

  it('does not flag claims a debunking article quotes, each answered in the paragraph under it', () => {
    const blocks: Block[] = [
      { text: 'Claim 2: the protocol', section: 'a', role: 'heading' },
      { text: '“Run 40–50 mcg of IGF-1 LR3 post-workout, four weeks on and four off.”', section: 'a', role: 'quote' },
      { text: 'Those figures have no human dose-finding study behind them.', section: 'a', role: 'paragraph' },
      { text: 'Claim 5: it\'s legal', section: 'a', role: 'heading' },
      { text: '“Totally legal, it\'s sold for research.”', section: 'a', role: 'quote' },
      { text: 'Being sold as a research chemical is not an approval of anything.', section: 'a', role: 'paragraph' },
    ];
    expect(engine.scan({ title: 'Five IGF-1 LR3 claims I hear in clinic', blocks }).findings.filter((f) => f.severity === 'flag')).toEqual([]);
  });

  it('does not flag a list of claims "people are told", answered under the list', () => {
    const blocks: Block[] = [
      { text: 'Students tell us they have seen claims like these online about IGF-1 LR3:', section: 'f', role: 'paragraph' },
      { text: '"It builds new muscle cells that stay for life."', section: 'f', role: 'list-item' },
      { text: '"40 to 50 mcg a day for four weeks is a safe starting protocol."', section: 'f', role: 'list-item' },
      { text: 'None of these claims is supported.', section: 'f', role: 'paragraph' },
    ];
    expect(engine.scan({ title: 'IGF-1 LR3: a factsheet', blocks }).findings.filter((f) => f.severity === 'flag')).toEqual([]);
    // The same list under a seller's heading, unanswered, is the seller's copy.
    const sold = blocks.slice(0, 3).map((b, i) => (i === 0 ? { ...b, text: 'What our IGF-1 LR3 customers say:' } : b));
    expect(engine.scan({ title: 'IGF-1 LR3 1 mg', blocks: sold }).findings.filter((f) => f.severity === 'flag').length).toBeGreaterThan(0);
  });

  it('reads "bro what\'s the cycle length on this" as a question, with or without the question mark', () => {
    expect(flagsIn("bro what's the cycle length on this", 'IGF-1 LR3 pumps')).toEqual([]);
    expect(kinds(flagsIn('bro the cycle length on this is 6 weeks', 'IGF-1 LR3 pumps'))).toEqual(['dosing']);
  });

  it('reads an author line with an @handle as a byline, not a claim', () => {
    const blocks: Block[] = [
      { text: 'Brayden Cole | Recomp Lab @braydenrecomp Mar 2', section: 't1', role: 'paragraph' },
      { text: 'Everyone is sleeping on IGF-1 Long R3, 30 mcg sub-q after training.', section: 't1', role: 'paragraph' },
    ];
    const fs = engine.scan({ title: 'Thread', blocks }).findings.filter((f) => f.severity === 'flag');
    expect(fs.map((f) => f.block)).toEqual([1]);
  });

  it('does not flag claims a forum post quotes and then calls no evidence', () => {
    const blocks: Block[] = [
      { text: 'LR3 is totally safe as long as you eat, no side effects whatsoever', section: 'p22', role: 'quote' },
      { text: "agreed, I've never had a single issue on 100mcg a day", section: 'p22', role: 'quote' },
      { text: 'Neither of these is evidence. There is no human trial of LR3 at any dose.', section: 'p22', role: 'post' },
    ];
    expect(engine.scan({ title: 'IGF-1 LR3 - bilat or sub-q?', blocks }).findings.filter((f) => f.severity === 'flag')).toEqual([]);
    // The same words as the writer's own post are claims.
    expect(kinds(flagsIn('LR3 is totally safe as long as you eat, no side effects whatsoever', 'IGF-1 LR3 thread'))).toEqual(['safety-claim']);
    // A Q&A answer the reader did not see as a post: the quote and the line under it.
    const answer: Block[] = [
      { text: '“50 mcg a day is a safe, proven dose.”', role: 'quote' },
      { text: 'That line comes from forum folklore; no trial has tested any human dose of LR3.', role: 'paragraph' },
    ];
    expect(engine.scan({ title: 'Does IGF-1 LR3 cause hyperplasia?', blocks: answer }).findings.filter((f) => f.severity === 'flag')).toEqual([]);
  });

  it('flags "research use only" only beside human-use copy', () => {
    expect(flagsIn('IGF-1 LR3, 1 mg. For research use only.')).toEqual([]);
    const fs = flagsIn('IGF-1 LR3, for research use only. Most users inject 50 mcg post-workout for faster gains.');
    expect(kinds(fs)).toEqual(['dosing', 'efficacy-claim', 'regulatory-claim']);
  });

  it('leaves on-label mecasermin dosing alone, flags it reused as a protocol', () => {
    const label = 'The recommended starting dose of Increlex is 0.04 to 0.08 mg/kg twice daily by subcutaneous injection.';
    expect(flagsIn(label, 'INCRELEX (mecasermin) prescribing information')).toEqual([]);
    const reuse = 'Increlex is dosed at 0.12 mg/kg, so bodybuilders run that twice daily post-workout for gains.';
    expect(kinds(flagsIn(reuse))).toContain('dosing');
  });

  it('marks cell and animal findings as preclinical information, not a flag', () => {
    const fs = engine.scan({ blocks: [{ text: 'In cell culture, IGF-1 LR3 increased myotube hypertrophy.' }] }).findings;
    expect(fs.filter((f) => f.severity === 'flag')).toEqual([]);
    expect(fs.some((f) => f.kind === 'efficacy-claim' && f.severity === 'info' && f.title.includes('cells or animals'))).toBe(true);
  });

  it('gives correct status statements an info badge, not a flag', () => {
    const fs = engine.scan({ blocks: [{ text: 'IGF-1 LR3 is not FDA approved and is prohibited by WADA.' }] }).findings;
    expect(fs.filter((f) => f.severity === 'flag')).toEqual([]);
    expect(fs.filter((f) => f.kind === 'regulatory-claim').every((f) => f.severity === 'info')).toBe(true);
  });
});

describe('what a finding says', () => {
  const text = 'Honestly IGF-1 LR3 is FDA approved and has no side effects.';
  const result = engine.scan({ blocks: [{ text, offset: 100 }] });

  it('points at the exact text, with offsets into the document', () => {
    for (const f of result.findings) expect(text.slice(f.start - 100, f.end - 100)).toBe(f.text);
    expect(result.findings.map((f) => f.text)).toEqual(expect.arrayContaining(['IGF-1 LR3', 'FDA approved']));
    // A safety or efficacy claim is a statement: its finding covers the sentence that makes it.
    expect(result.findings.find((f) => f.kind === 'safety-claim')?.text).toBe('Honestly IGF-1 LR3 is FDA approved and has no side effects');
  });

  it('carries evidence, FDA and WADA status with sources and as-of dates', () => {
    for (const f of result.findings) {
      expect(f.evidence.reason.length).toBeGreaterThan(10);
      for (const st of [f.fda, f.wada]) {
        expect(st.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(st.source.url).toMatch(/^https:\/\//);
      }
      expect(f.sources.length).toBeGreaterThan(0);
      expect(f.fda.code).toBe('not-approved');
      expect(f.wada.code).toBe('prohibited-at-all-times');
    }
  });

  it('gives the first mention on the page and in each post a status badge', () => {
    const fs = engine.scan({
      blocks: [
        { text: 'IGF-1 LR3 again. IGF-1 LR3 again.', section: 'a' },
        { text: 'Long R3 IGF-1 here.', section: 'b' },
      ],
    }).findings.filter((f) => f.kind === 'mention');
    expect(fs.map((f) => [f.block, f.text])).toEqual([
      [0, 'IGF-1 LR3'],
      [1, 'Long R3 IGF-1'],
    ]);
  });
});

describe('bad input', () => {
  it('scans empty documents and empty blocks', () => {
    expect(engine.scan({ blocks: [] }).findings).toEqual([]);
    expect(engine.scan({ blocks: [{ text: '' }, { text: '   ' }] }).findings).toEqual([]);
  });

  it('reads pathological text without hanging or crashing', () => {
    const nasty = [
      'IGF-1 LR3 ' + '('.repeat(5000) + ' 40 mcg ' + ')'.repeat(5000),
      'IGF-1 LR3 ' + '1'.repeat(100_000),
      'IGF-1 LR3 \u0000\uFFFF\uD800 40 mcg ED ' + '🙂'.repeat(1000),
      'IGF-1 LR3 ' + 'a'.repeat(200_000),
      ('IGF-1 LR3 40 mcg ED. '.repeat(2000)),
    ];
    for (const text of nasty) expect(() => engine.scan({ blocks: [{ text }] })).not.toThrow();
  });
});
