import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  githubMarkdownCss,
  markMermaidBlocks,
  mermaidScript,
  missingChromium,
  renderSummary,
  summaryPage
} from '../../scripts/summary-page.js'

describe('renderSummary', () => {
  it('renders GitHub Flavored Markdown tables', () => {
    const html = renderSummary('| Pack | State |\n| --- | --- |\n| alpha | ✅ CREATE_COMPLETE |\n')
    expect(html).toContain('<table>')
    expect(html).toMatch(/<td>alpha<\/td>\s*<td>✅ CREATE_COMPLETE<\/td>/)
  })

  it("passes the summary's raw HTML tables and details elements through", () => {
    const markdown =
      '<h2>❌ AWS Config conformance packs: failure</h2>\n' +
      '<table><tr><th>Pack</th></tr><tr><td colspan="6">Failed resources:<ul><li>x</li></ul></td></tr></table>\n' +
      '<details><summary>Member accounts (2 failed of 3)</summary>\n\n| Account |\n| --- |\n| 222222222222 |\n\n</details>\n'
    const html = renderSummary(markdown)
    expect(html).toContain('<td colspan="6">Failed resources:<ul><li>x</li></ul></td>')
    expect(html).toContain('<details><summary>Member accounts (2 failed of 3)</summary>')
    // Markdown inside a details element is rendered, as GitHub renders it.
    expect(html).toMatch(/<td>222222222222<\/td>/)
  })

  it('keeps text the action escaped escaped', () => {
    expect(renderSummary('<p>reason: &lt;script&gt;</p>')).toContain('&lt;script&gt;')
  })
})

describe('summaryPage', () => {
  it("is a self-contained page with GitHub's Markdown styles around the summary", async () => {
    const css = await githubMarkdownCss()
    expect(css).toContain('.markdown-body')
    const page = summaryPage('## Title <x>', css, 'Job summary: <mixed>')
    expect(page).toContain('<title>Job summary: &lt;mixed&gt;</title>')
    expect(page).toContain(css)
    expect(page).toMatch(/<article class="markdown-body">\s*<h2>Title <x><\/h2>/)
    expect(page).not.toMatch(/<link|src="http/)
  })
})

describe('missingChromium', () => {
  it('says to install Debian’s chromium package when the browser is not there', () => {
    expect(missingChromium('/nonexistent/chromium')).toBe(
      "/nonexistent/chromium is missing: the screenshots are taken with Debian's chromium package. " +
        'Install it with: sudo apt-get install -y chromium fonts-noto-color-emoji (the fonts draw the state marks).'
    )
  })

  it('has nothing to say when it is', () => {
    expect(missingChromium(process.execPath)).toBeUndefined()
  })
})

describe('Mermaid blocks', () => {
  it('are marked for the mermaid bundle to draw, their text still escaped', async () => {
    const markdown = '## T\n\n```mermaid\ngantt\n  title A <b>\n  alpha :done, 1, 2\n```\n'
    const page = summaryPage(markdown, await githubMarkdownCss(), 'x')
    expect(page).toContain(
      '<pre class="mermaid">gantt\n  title A &lt;b&gt;\n  alpha :done, 1, 2\n</pre>'
    )
    expect(page).not.toContain('language-mermaid')
  })

  it('leave other code blocks alone', () => {
    expect(markMermaidBlocks('<pre><code class="language-yaml">a: 1\n</code></pre>')).toBe(
      '<pre><code class="language-yaml">a: 1\n</code></pre>'
    )
  })

  it('are drawn by the mermaid package installed with the project, not fetched', () => {
    expect(existsSync(mermaidScript())).toBe(true)
    expect(mermaidScript()).toMatch(/node_modules\/mermaid\/dist\/mermaid\.min\.js$/)
  })
})
