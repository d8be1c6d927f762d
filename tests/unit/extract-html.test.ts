import { describe, expect, it } from 'vitest';
import { documentText, htmlToDocument } from '../../src/extract/html';

const texts = (html: string) => htmlToDocument(html).blocks.map((b) => b.text);
const all = (html: string) => texts(html).join('\n\n');

describe('htmlToDocument: visible text only', () => {
  it('drops script, style, noscript, template, head, svg, iframe and comments', () => {
    const html = `<!doctype html><html><head><title>T</title><meta name="x" content="META">
      <style>.a{content:"STYLE"}</style><script>var s = "<p>SCRIPT</p>";</script></head>
      <body><p>visible one</p>
      <noscript><p>NOSCRIPT</p></noscript>
      <template><p>TEMPLATE</p></template>
      <svg viewBox="0 0 1 1"><text>SVG</text><title>SVGTITLE</title></svg>
      <iframe src="x">IFRAME</iframe>
      <!-- COMMENT <p>in comment</p> -->
      <p>visible two</p></body></html>`;
    const t = all(html);
    expect(texts(html)).toEqual(['visible one', 'visible two']);
    for (const bad of ['META', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'COMMENT', 'in comment']) expect(t).not.toContain(bad);
  });

  it('drops hidden, aria-hidden, display:none and visibility:hidden subtrees', () => {
    const html = `<div>
      <p hidden>H1</p><div hidden="hidden"><p>H2</p></div>
      <p aria-hidden="true">A1</p><p aria-hidden="false">shown aria false</p>
      <p style="display:none">D1</p><div style="color: red; DISPLAY : None !important"><p>D2</p></div>
      <span style="visibility: hidden">V1</span><p style="display:none;display:block">shown later decl wins</p>
      <p>kept</p></div>`;
    expect(texts(html)).toEqual(['shown aria false', 'shown later decl wins', 'kept']);
  });

  it('drops editable fields: input, textarea, select, contenteditable', () => {
    const html = `<form><input value="INPUT" placeholder="PH"><textarea>TEXTAREA</textarea>
      <select><option>OPTION</option></select>
      <div contenteditable>EDIT1</div><div contenteditable="true"><p>EDIT2</p></div>
      <div contenteditable="false">not editable</div><label>Label text</label></form>`;
    expect(texts(html)).toEqual(['not editable', 'Label text']);
  });

  it('decodes entities in text and titles', () => {
    const doc = htmlToDocument('<title>A &amp; B &#8211; C</title><p>5&nbsp;mcg &lt;b&gt; &quot;x&quot; &#x2014; caf&eacute; &amp;amp;</p>');
    expect(doc.title).toBe('A & B – C');
    expect(doc.blocks[0]!.text).toBe('5 mcg <b> "x" — café &amp;');
  });

  it('collapses whitespace like a browser; <br> is a newline; <pre> keeps its spacing', () => {
    const html = '<p>\n  Hello,\t\t <b> big </b>\n world  <br>  second   line<br></p><pre>\n  a  b\n    c\n</pre>';
    expect(texts(html)).toEqual(['Hello, big world\nsecond line', '  a  b\n    c']);
  });

  it('keeps inline text together and splits at block elements', () => {
    expect(texts('<div>intro <span>span</span><div>inner</div>tail <a href="#">link</a></div>')).toEqual(['intro span', 'inner', 'tail link']);
  });
});

describe('htmlToDocument: blocks, roles and sections', () => {
  it('gives block roles', () => {
    const doc = htmlToDocument(`
      <h1>Head</h1><h3>Sub</h3><p>Para</p>
      <ul><li>one</li><li>two <b>bold</b></li></ul>
      <blockquote>Quoted <p>quoted para</p></blockquote>
      <figure><img src="x.png" alt="ALT"><figcaption>Fig caption</figcaption></figure>
      <table><caption>Table cap</caption><thead><tr><th>Name</th><th>Dose</th></tr></thead>
        <tbody><tr><td>IGF-1 LR3</td><td>40 <i>mcg</i></td><td></td></tr></tbody></table>
      <dl><dt>Term</dt><dd>Definition</dd></dl>
      <div>loose div text</div><ol><li><p>para in item</p></li></ol>`);
    expect(doc.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'Head'],
      ['heading', 'Sub'],
      ['paragraph', 'Para'],
      ['list-item', 'one'],
      ['list-item', 'two bold'],
      ['quote', 'Quoted'],
      ['quote', 'quoted para'],
      ['caption', 'Fig caption'],
      ['caption', 'Table cap'],
      ['table-row', 'Name | Dose'],
      ['table-row', 'IGF-1 LR3 | 40 mcg'],
      ['other', 'Term'],
      ['other', 'Definition'],
      ['other', 'loose div text'],
      ['list-item', 'para in item'],
    ]);
  });

  it('reads forum quote boxes as quotes, and a post body in a <blockquote> as the post (vBulletin, XenForo 1)', () => {
    const doc = htmlToDocument(`
      <li class="postcontainer" id="post_22"><blockquote class="postcontent restore">
        <div class="bbcode_quote"><div class="quote_container">Originally Posted by <strong>gymrat</strong>
          <div class="message">agreed, never had an issue</div></div></div>
        Neither of these is evidence.
      </blockquote></li>
      <blockquote class="messageText ugc">XenForo post body</blockquote>
      <aside class="quote"><blockquote><p>Discourse quote</p></blockquote></aside>`);
    const got = doc.blocks.map((b) => [b.role, b.text, b.section]);
    expect(got[0]).toEqual(['quote', 'Originally Posted by gymrat', 'post_22']);
    // The quoted div.message stays inside the quoting post: it is no post of its own.
    expect(got[1]).toEqual(['quote', 'agreed, never had an issue', 'post_22']);
    expect(got[2]!.slice(0, 2)).toEqual(['post', 'Neither of these is evidence.']);
    expect(got[3]![0]).not.toBe('quote');
    expect(got[4]!.slice(0, 2)).toEqual(['quote', 'Discourse quote']);
  });

  it('reads tag lists as labels, not text (Discourse tags, rel="tag"), but keeps a tagline', () => {
    const doc = htmlToDocument(`<article><p>Post body.</p>
      <div class="list-tags"><a class="discourse-tag">sarcopenia</a> <a class="discourse-tag">igf-1</a></div>
      <p>Filed under <a rel="tag">anti-aging</a></p><p class="tagline">Train hard.</p></article>`);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Post body.', 'Filed under', 'Train hard.']);
  });

  it('reads each <tr> as one block even with implied end tags and blocks inside cells', () => {
    const doc = htmlToDocument('<table><tr><td><p>a</p><p>b</p><td>c<br>d<tr><th>e<td>f</table>');
    expect(doc.blocks.map((b) => b.text)).toEqual(['a b | c\nd', 'e | f']);
    expect(doc.blocks.every((b) => b.role === 'table-row')).toBe(true);
  });

  it('assigns sections: post containers first, then section/main', () => {
    const doc = htmlToDocument(`
      <main id="content">
        <p>in main</p>
        <article id="post-123"><h2>Post title</h2><div class="entry-content"><p>post body</p></div>
          <section class="comments">
            <div class="comment" id="comment-9"><p>first comment</p></div>
            <li class="reply-item"><p>a reply</p></li>
          </section>
          <footer>post footer</footer>
        </article>
        <section id="s2"><p>in section</p></section>
        <div class="tweet">a tweet text</div>
        <div class="post-body"><p>post-body is a part, not a post</p></div>
      </main>
      <p>outside</p>`);
    const by = Object.fromEntries(doc.blocks.map((b) => [b.text, b.section]));
    expect(by['in main']).toBe('content');
    expect(by['Post title']).toBe('post-123');
    expect(by['post body']).toBe('post-123');
    expect(by['first comment']).toBe('comment-9');
    expect(by['a reply']).toMatch(/\S/);
    expect(by['a reply']).not.toBe('post-123');
    expect(by['post footer']).toBe('post-123');
    expect(by['in section']).toBe('s2');
    expect(by['a tweet text']).toMatch(/\S/);
    expect(by['post-body is a part, not a post']).toBe('content');
    expect(by['outside']).toBeUndefined();
    // Text directly in a post container reads as a post.
    expect(doc.blocks.find((b) => b.text === 'a tweet text')!.role).toBe('post');
  });

  it('recognises posts by custom element, schema.org type and data-testid; never the page body', () => {
    const doc = htmlToDocument(`<body class="single-post postid-5"><p>page text</p>
      <shreddit-comment thingid="t1_abc"><p>reddit comment</p></shreddit-comment>
      <div itemscope itemtype="https://schema.org/Review"><p>a review</p></div>
      <div data-testid="tweet"><span>tweet body</span></div></body>`);
    const by = Object.fromEntries(doc.blocks.map((b) => [b.text, b.section]));
    expect(by['page text']).toBeUndefined();
    expect(by['reddit comment']).toMatch(/\S/);
    expect(by['a review']).toMatch(/\S/);
    expect(by['tweet body']).toMatch(/\S/);
    expect(new Set([by['reddit comment'], by['a review'], by['tweet body']]).size).toBe(3);
  });

  it('gives sections stable, distinct ids', () => {
    const html = '<div class="comment"><p>a</p></div><div class="comment"><p>b</p></div><article class="post post-77"><p>c</p></article>';
    const one = htmlToDocument(html).blocks.map((b) => b.section);
    const two = htmlToDocument(html).blocks.map((b) => b.section);
    expect(one).toEqual(two);
    expect(new Set(one).size).toBe(3);
    expect(one[2]).toBe('post-77');
  });

  it('takes the title from <title>, else the first <h1>; options override', () => {
    expect(htmlToDocument('<title>  Page\n title </title><h1>H</h1>').title).toBe('Page title');
    expect(htmlToDocument('<h2>x</h2><h1>First <em>H1</em></h1><h1>Second</h1>').title).toBe('First H1');
    expect(htmlToDocument('<p>no title</p>').title).toBeUndefined();
    expect(htmlToDocument('<svg><title>icon</title></svg><p>x</p>').title).toBeUndefined();
    const d = htmlToDocument('<title>T</title>', { title: 'Given', url: 'file:///x.html' });
    expect(d.title).toBe('Given');
    expect(d.url).toBe('file:///x.html');
  });
});

describe('htmlToDocument: offsets', () => {
  it('block offsets index into the document text (blocks joined by a blank line)', () => {
    const doc = htmlToDocument('<h1>Title</h1><p>Run 40 mcg of IGF-1 LR3 ED post-workout.</p><ul><li>x</li></ul><table><tr><td>a</td><td>b</td></tr></table>');
    const text = documentText(doc);
    expect(text).toBe('Title\n\nRun 40 mcg of IGF-1 LR3 ED post-workout.\n\nx\n\na | b');
    for (const b of doc.blocks) expect(text.slice(b.offset!, b.offset! + b.text.length)).toBe(b.text);
    const p = doc.blocks[1]!;
    const local = p.text.indexOf('40 mcg');
    expect(text.slice(p.offset! + local, p.offset! + local + 6)).toBe('40 mcg');
  });
});

describe('htmlToDocument: robustness', () => {
  it('survives malformed markup', () => {
    expect(texts('<p>unclosed <b>bold <i>both</p> after')).toEqual(['unclosed bold both', 'after']);
    expect(texts('</div></p><p>x</span></li>y')).toEqual(['xy']);
    expect(texts('<div <p>>odd</div>')).toEqual(['>odd']);
    expect(texts('<p>a < b and c > d &zzunknown; &amp</p>')).toEqual(['a < b and c > d &zzunknown; &']);
    expect(texts('<script>never closed <p>x</p>')).toEqual([]);
    expect(texts('')).toEqual([]);
    expect(texts('just text, no tags')).toEqual(['just text, no tags']);
    expect(texts('<head><title>T</title><p>body without body tag')).toEqual(['body without body tag']);
    expect(texts('<svg/><p>after self-closing svg</p>')).toEqual(['after self-closing svg']);
    expect(texts('<body><p>a</p><head><p>stray head is ignored</p></head><p>c</p>')).toEqual(['a', 'stray head is ignored', 'c']);
    expect(texts('<p>a\r\n  b</p><p>\u00a0</p>')).toEqual(['a b']);
  });

  it('handles 100k levels of nesting without recursion, in linear time', () => {
    const n = 100_000;
    const t0 = Date.now();
    const doc = htmlToDocument('<div>'.repeat(n) + 'deep <b>text</b>' + '</div>'.repeat(n) + '<p>after</p>');
    expect(doc.blocks.map((b) => b.text)).toEqual(['deep text', 'after']);
    const unclosed = htmlToDocument('<div><span>'.repeat(n) + 'x' + '</em>'.repeat(n));
    expect(unclosed.blocks.map((b) => b.text)).toEqual(['x']);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('handles a 10 MB page', () => {
    const row = '<div class="comment"><p>Hello <b>world</b> &amp; more text, IGF-1 LR3 here.</p><script>x()</script></div>\n';
    const html = row.repeat(Math.ceil((10 * 1024 * 1024) / row.length));
    const t0 = Date.now();
    const doc = htmlToDocument(html);
    expect(doc.blocks.length).toBe(Math.ceil((10 * 1024 * 1024) / row.length));
    expect(doc.blocks[0]!.text).toBe('Hello world & more text, IGF-1 LR3 here.');
    expect(Date.now() - t0).toBeLessThan(15000);
  });
});

describe('collapsed content', () => {
  it('reads the summary of a closed <details>, not its body; an open one whole', () => {
    const doc = htmlToDocument(
      '<details><summary>Show ignored content</summary><p>Hidden claim: 80 mcg a day.</p></details>' +
        '<details open><summary>Open</summary><p>Shown text.</p></details>',
    );
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('Show ignored content');
    expect(text).not.toContain('Hidden claim');
    expect(text).toContain('Shown text.');
  });
});
