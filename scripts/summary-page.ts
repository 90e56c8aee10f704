/** A job summary's Markdown as a page that looks as GitHub shows it on a run's summary. */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { Marked } from 'marked'

/** Debian's chromium package: Playwright's own browser downloads are not used. */
export const CHROMIUM = '/usr/bin/chromium'

/** What to do when the browser is not installed; undefined when it is. */
export function missingChromium(path = CHROMIUM): string | undefined {
  if (existsSync(path)) return undefined
  return (
    `${path} is missing: the screenshots are taken with Debian's chromium package. Install it ` +
    `with: sudo apt-get install -y chromium fonts-noto-color-emoji (the fonts draw the state marks).`
  )
}

/** GitHub's Markdown styles, light theme (the npm package github-markdown-css). */
export async function githubMarkdownCss(): Promise<string> {
  const path = createRequire(import.meta.url).resolve(
    'github-markdown-css/github-markdown-light.css'
  )
  return readFile(path, 'utf8')
}

/**
 * GitHub Flavored Markdown to HTML. Raw HTML (the summary's tables and details elements) is
 * passed through, as GitHub passes the elements it allows; single line breaks stay spaces.
 */
export function renderSummary(markdown: string): string {
  return new Marked({ gfm: true, breaks: false, async: false }).parse(markdown) as string
}

/**
 * The `mermaid` package's browser bundle, loaded into the page from node_modules (nothing is
 * fetched), so a Mermaid block is drawn as GitHub draws it rather than shown as code.
 */
export function mermaidScript(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js')
}

/**
 * GitHub draws a ```mermaid block as a diagram. marked leaves it as code; this marks it
 * `<pre class="mermaid">` (its text still HTML-escaped), the element the mermaid bundle draws.
 */
export function markMermaidBlocks(html: string): string {
  return html.replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    '<pre class="mermaid">$1</pre>'
  )
}

/**
 * A self-contained page: nothing is fetched, so the picture is the same offline. Mermaid
 * blocks are left for drawMermaid (in screenshots.ts) to draw.
 */
export function summaryPage(markdown: string, css: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
<style>
  body { margin: 0; background: #ffffff; }
  /* The width and padding of a job summary on a workflow run's page. */
  .markdown-body { box-sizing: border-box; width: 1012px; padding: 24px 32px; }
  /* GitHub draws a diagram on the page's background, not in a code block's grey box. */
  .markdown-body pre.mermaid { background: none; padding: 0; text-align: center; }
</style>
</head>
<body>
<article class="markdown-body">
${markMermaidBlocks(renderSummary(markdown))}
</article>
</body>
</html>
`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
