// Runs Mozilla Readability.js and Defuddle, each on jsdom, over the pages of a ground-truth file and writes
// one JSON line a page per tool ({id, title, published, author, text, seconds}) for `storyfold eval extraction --compare`.
// Timing covers what each tool needs from page bytes to an article: jsdom parsing plus the extractor, single-threaded.
// Turning each tool's HTML output into plain text (block elements become line breaks) is not timed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import DefuddleModule from 'defuddle';

const Defuddle = DefuddleModule.Defuddle ?? DefuddleModule.default ?? DefuddleModule;
const [truthPath, outDir, limitArg] = process.argv.slice(2);
if (!truthPath || !outDir) {
  console.error('usage: node peers.mjs GROUND_TRUTH.jsonl OUT_DIR [LIMIT]');
  process.exit(2);
}
const limit = limitArg ? Number(limitArg) : Infinity;
const root = path.dirname(path.resolve(truthPath));
const pages = fs.readFileSync(truthPath, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l)).slice(0, limit);
fs.mkdirSync(outDir, { recursive: true });

const quiet = new VirtualConsole();
const load = page => {
  const bytes = fs.readFileSync(path.join(root, page.file));
  return page.file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes;
};
const dom = (bytes, url) => new JSDOM(bytes, { url, contentType: 'text/html', virtualConsole: quiet });

const BLOCK = /<\/?(p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|tr|table|blockquote|pre|figure|figcaption|section|article|header|footer|aside|hr)\b[^>]*>/gi;
const toText = html => {
  if (!html) return '';
  const fragment = JSDOM.fragment(html.replace(BLOCK, '\n$&\n'));
  return (fragment.textContent || '').split('\n').map(l => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
};

// Each page's window is closed once its article is read: jsdom keeps every open window alive (timers, the
// document), and over hundreds of pages that exhausts node's heap before the run ends.
const closing = (window, read) => {
  try {
    return read();
  } finally {
    window.close();
  }
};

const tools = {
  readability(bytes, url) {
    const window = dom(bytes, url).window;
    const article = closing(window, () => new Readability(window.document).parse());
    return { title: article?.title ?? null, published: article?.publishedTime ?? null, author: article?.byline ?? null, html: article?.content ?? '' };
  },
  defuddle(bytes, url) {
    const window = dom(bytes, url).window;
    const result = closing(window, () => new Defuddle(window.document, { url }).parse());
    return { title: result?.title ?? null, published: result?.published ?? null, author: result?.author ?? null, html: result?.content ?? '' };
  },
};

for (const [name, run] of Object.entries(tools)) {
  // Warm up the JIT as Storyfold's eval does (at least 5 pages and 3 seconds, cycling through the pages), so both
  // measure steady-state extraction.
  const warmStart = process.hrtime.bigint();
  for (let n = 0; pages.length > 0 && (n < 5 || Number(process.hrtime.bigint() - warmStart) / 1e9 < 3); n++) {
    const page = pages[n % pages.length];
    try { run(load(page), page.url); } catch { /* measured below */ }
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Written in one go at the end. Between pages the loop yields to the event loop: jsdom finishes closing a window
  // in later tasks, and a loop that never yields keeps every page's DOM alive until the heap runs out (seen on 711 pages).
  const lines = [];
  let total = 0;
  for (const page of pages) {
    const bytes = load(page);
    const start = process.hrtime.bigint();
    let result;
    try {
      result = run(bytes, page.url);
    } catch (error) {
      result = { title: null, published: null, author: null, html: '', error: String(error) };
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    total += seconds;
    lines.push(JSON.stringify({ id: page.id, title: result.title, published: result.published, author: result.author, text: toText(result.html), seconds }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  fs.writeFileSync(path.join(outDir, `${name}.jsonl`), lines.join('\n') + '\n');
  console.error(`${name}: ${pages.length} pages in ${total.toFixed(1)} s (${(pages.length / total).toFixed(1)} pages/s)`);
}
