/**
 * Forum markup for quotes, shared by the HTML reader (src/extract/html.ts) and the page reader
 * (src/page/extract.ts) so both read the same text as quoted. Quoted words are judged against the
 * reply around them ("Originally Posted by …: LR3 is totally safe" then "Neither of these is evidence").
 */

/** Quote boxes that are not <blockquote>s: vBulletin, XenForo, phpBB themes, Discourse. */
const QUOTE_CLASS = /(?:^|\s)(?:bbcode_quote|bbCodeQuote|bbCodeBlock--quote|quote_container|quotecontent|quotebox|quote-box|postquote|post-quote)(?:\s|$)/;
/** Discourse's <aside class="quote">. */
const ASIDE_QUOTE = /(?:^|\s)quote(?:\s|$)/;
/**
 * <blockquote>s that hold a post's own words, not a quote: vBulletin wraps every post body in
 * <blockquote class="postcontent">, XenForo 1 in <blockquote class="messageText">.
 */
const BODY_BLOCKQUOTE = /(?:^|\s)(?:postcontent|messageText|post-content|post_content|postbody|post-body|message-body|message-content)(?:\s|$)/;

/** Is this element a quote box (by tag and class)? */
export function isQuoteBox(name: string, className: string): boolean {
  if (name === 'blockquote') return !BODY_BLOCKQUOTE.test(className);
  if (name === 'aside' && ASIDE_QUOTE.test(className)) return true;
  return QUOTE_CLASS.test(className);
}

/** A CSS selector for the candidates of isQuoteBox() (the class test still decides). */
export const QUOTE_BOX_SELECTOR = 'blockquote, aside.quote, .bbcode_quote, .bbCodeQuote, .bbCodeBlock--quote, .quote_container, .quotecontent, .quotebox, .quote-box, .postquote, .post-quote';
