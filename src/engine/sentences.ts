/**
 * A cheap sentence splitter that keeps offsets. Good enough for forum and shop copy: it does not
 * split inside decimals ("0.1 ml"), common abbreviations ("e.g.", "approx.", "U.S.") or ellipses
 * followed by lower case.
 */
export interface Span {
  start: number;
  end: number;
}

const ABBREV = /(?:\b(?:e\.g|i\.e|vs|etc|approx|dr|mr|mrs|ms|no|fig|ref|st|u\.s|u\.k|inc|ltd|co|min|max|wk|wks|hr|hrs|mo|ca|cf|al)\.)$/i;

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // Run of terminal punctuation and closing quotes/brackets.
    let j = i + 1;
    while (j < n && /[.!?…"'”’)\]]/.test(text[j]!)) j++;
    if (j < n && !/\s/.test(text[j]!)) {
      i = j - 1;
      continue; // "0.1ml", "IGF-1.LR3", URLs
    }
    if (c === '.' && ABBREV.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
    // Next visible char: a lower-case letter after "." usually means no sentence break.
    let k = j;
    while (k < n && text[k] === ' ') k++;
    if (c === '.' && k < n && /[a-z]/.test(text[k]!) && j - i === 1) continue;
    push(j);
    i = j - 1;
  }
  push(n);
  return out;
}
