/**
 * A deterministic news front page of a given amount of text: a sticky nav,
 * sections of articles with headings, bylines, paragraphs full of links and
 * inline markup, lists, quotes, figures and "related" asides, with mentions of
 * dictionary names sprinkled in (some split across inline elements, some
 * possessive, some inside links).
 */
import { seededRandom } from '../lib/synthetic-news.ts';

const WORDS = (
  'the a of to in and on for with at by from after before over under about against between during ' +
  'said says told officials government minister ministry president spokesman spokeswoman talks peace war ' +
  'ceasefire negotiations delegation troops region city border sanctions energy grain exports prices ' +
  'meeting summit agreement proposal statement interview reporters television week month year morning ' +
  'parliament vote election budget court ruling law police security council forces attack drone missile ' +
  'would could might not any further new old first last local national foreign international economic ' +
  'that which while although because however meanwhile also still only already again later earlier ' +
  'people residents families workers farmers students doctors schools hospitals roads bridges trains ' +
  'report data analysis survey figures growth inflation rates markets banks companies investors'
).split(' ');
const SECTIONS = ['World', 'Europe', 'Politics', 'Business', 'Science', 'Opinion', 'Sport', 'Culture', 'Climate', 'Tech'];
const CSS = `
body { font: 17px/1.6 Georgia, serif; margin: 0; color: #1a1a1a; }
nav.top { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; z-index: 10; }
nav.top ul { display: flex; gap: 1.2em; list-style: none; margin: 0; padding: .6em 1em; }
main { max-width: 760px; margin: 0 auto; padding: 0 1em; }
article { border-bottom: 1px solid #eee; padding: 1em 0; }
.byline { color: #666; font-size: .85em; }
.tag { text-transform: uppercase; font-size: .75em; letter-spacing: .05em; }
aside.related { background: #f6f6f6; padding: .5em 1em; }
figure { margin: 1em 0; } figure .ph { background: #ccd; height: 120px; }
blockquote { border-left: 3px solid #999; margin-left: 0; padding-left: 1em; font-style: italic; }
footer { background: #222; color: #eee; padding: 2em; }
`;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageOptions {
  /** Visible text to produce, in characters. */
  textChars: number;
  /** Names of the small dictionary: they appear often, so the first screen always has some. */
  core: readonly string[];
  /** Names of the large dictionary. */
  all: readonly string[];
  /** About one word in `mentionEvery` is a name. */
  mentionEvery?: number;
  seed?: number;
}

export function newsPage(opts: PageOptions): string {
  const rand = seededRandom(opts.seed ?? 11);
  const every = opts.mentionEvery ?? 30;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let text = 0;

  const name = (): string => {
    const n = rand() < 0.35 ? pick(opts.core) : pick(opts.all);
    const r = rand();
    const space = n.lastIndexOf(' ');
    // Markup inside a name, as news sites set surnames in bold or link them.
    if (r < 0.05 && space > 0) return `${escapeHtml(n.slice(0, space))} <b>${escapeHtml(n.slice(space + 1))}</b>`;
    if (r < 0.15) return `<a href="/topic/${text}">${escapeHtml(n)}</a>`;
    if (r < 0.25) return `${escapeHtml(n)}’s`;
    return escapeHtml(n);
  };
  const sentence = (): string => {
    const len = 8 + Math.floor(rand() * 18);
    const parts: string[] = [];
    for (let i = 0; i < len; i++) {
      const r = rand();
      if (r < 1 / every) parts.push(name());
      else if (r < 1.4 / every) parts.push(`<a href="/story/${Math.floor(rand() * 1e6)}">${pick(WORDS)} ${pick(WORDS)}</a>`);
      else if (r < 1.6 / every) parts.push(`<em>${pick(WORDS)}</em>`);
      else if (r < 1.7 / every) parts.push(`<span class="tag">${pick(WORDS)}</span>`);
      else parts.push(pick(WORDS));
    }
    const s = parts.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const sentences = (min: number, max: number): string => {
    const n = min + Math.floor(rand() * (max - min + 1));
    return Array.from({ length: n }, sentence).join(' ');
  };
  const count = (html: string): string => {
    text += html.replace(/<[^>]*>/g, '').length;
    return html;
  };

  const article = (id: number): string => {
    const out = [`<article id="a${id}">`, count(`<h2><a href="/story/${id}">${sentence()}</a></h2>`)];
    out.push(count(`<p class="byline"><span>By ${escapeHtml(pick(opts.all))}</span> · <time datetime="2026-03-0${1 + (id % 9)}">${1 + (id % 9)} March 2026</time></p>`));
    if (rand() < 0.3) out.push(count(`<figure><div class="ph"></div><figcaption>${sentence()}</figcaption></figure>`));
    const paragraphs = 2 + Math.floor(rand() * 6);
    for (let p = 0; p < paragraphs; p++) {
      out.push(count(`<p>${sentences(2, 5)}</p>`));
      const r = rand();
      if (r < 0.12) out.push(count(`<ul>${Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `<li>${sentence()}</li>`).join('')}</ul>`));
      else if (r < 0.2) out.push(count(`<blockquote><p>“${sentences(1, 2)}”</p></blockquote>`));
    }
    if (rand() < 0.4) {
      const links = Array.from({ length: 3 }, () => `<li><a href="/story/${Math.floor(rand() * 1e6)}">${sentence()}</a></li>`).join('');
      out.push(count(`<aside class="related"><h3>Related</h3><ol>${links}</ol></aside>`));
    }
    out.push('</article>');
    return out.join('\n');
  };

  const nav = SECTIONS.map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`).join('');
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Daily Record</title><style>${CSS}</style></head><body>`,
    `<header><h1 class="masthead">The Daily Record</h1><nav class="top"><ul>${nav}</ul></nav></header><main>`,
  ];
  let id = 0;
  for (let s = 0; text < opts.textChars; s++) {
    html.push(`<section class="section"><h2 class="section-title">${SECTIONS[s % SECTIONS.length]}</h2>`);
    for (let a = 0; a < 12 && text < opts.textChars; a++) html.push(article(id++));
    html.push('</section>');
  }
  html.push(`</main><footer><p>© 2026 The Daily Record. ${sentence()}</p></footer></body></html>`);
  return html.join('\n');
}
