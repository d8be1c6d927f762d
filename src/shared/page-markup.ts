/**
 * Page markup both readers (src/extract/html.ts for the CLI, src/page/extract.ts in the browser)
 * must read alike: forum quote boxes, whose words are judged against the reply around them
 * ("Originally Posted by …: LR3 is totally safe" then "Neither of these is evidence"), and tag
 * lists, which label a post and claim nothing ("sarcopenia", "igf-1" as Discourse tags).
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

/**
 * A tag list or a tag: a class with a "tag" / "tags" part ("discourse-tag", "list-tags",
 * "post-tag", "tag-list"; not "tagline" or "hashtag") or rel="tag". Read as metadata, not text.
 */
const TAG_CLASS = /(?:^|[\s_-])tags?(?:$|[\s_-])/i;
export function isTagList(className: string, rel: string | null | undefined): boolean {
  return TAG_CLASS.test(className) || /(?:^|\s)tag(?:\s|$)/i.test(rel ?? '');
}
