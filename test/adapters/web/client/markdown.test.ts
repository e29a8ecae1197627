import { describe, expect, it } from 'vitest'
import { inline, renderMarkdown, splitRow } from '../../../../src/adapters/web/client/markdown.js'

describe('renderMarkdown', () => {
  it('escapes every bit of HTML in model output before adding tags', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)> & "q"')).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</p>')
    expect(renderMarkdown('**<script>x</script>**')).toBe('<p><strong>&lt;script&gt;x&lt;/script&gt;</strong></p>')
    expect(renderMarkdown('| a |\n|---|\n| <b>1</b> |')).toContain('<td>&lt;b&gt;1&lt;/b&gt;</td>')
  })

  it('links only http(s) URLs, which cannot break out of the attribute', () => {
    expect(inline('[docs](https://x.test/a_b_c?q=1&r=2)')).toBe('<a href="https://x.test/a_b_c?q=1&amp;r=2" target="_blank" rel="noopener noreferrer">docs</a>')
    expect(inline('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))')
    expect(inline('[x](https://a.test/"onmouseover="alert(1))')).toBe('<a href="https://a.test/&quot;onmouseover=&quot;alert(1" target="_blank" rel="noopener noreferrer">x</a>)')
    expect(inline('[see *this*](https://x.test/_a_)')).toBe('<a href="https://x.test/_a_" target="_blank" rel="noopener noreferrer">see *this*</a>')
  })

  it('renders a table with numeric cells right-aligned and explicit alignment kept', () => {
    const html = renderMarkdown('Churn by plan:\n\n| Plan | Churn | Note |\n|:---|---:|:-:|\n| Starter | 14.4% | high |\n| Pro | 2.9% | `ok` |')
    expect(html).toBe(
      '<p>Churn by plan:</p>\n<div class="table-wrap"><table><thead><tr><th>Plan</th><th class="right">Churn</th><th class="center">Note</th></tr></thead>' +
        '<tbody><tr><td>Starter</td><td class="right">14.4%</td><td class="center">high</td></tr><tr><td>Pro</td><td class="right">2.9%</td><td class="center"><code>ok</code></td></tr></tbody></table></div>',
    )
    expect(renderMarkdown('| a | b |\n|---|---|\n| x | 1,234 |')).toContain('<td class="right">1,234</td>')
  })

  it('renders headings, lists, quotes, code fences, rules and line breaks', () => {
    expect(renderMarkdown('## Why they leave\n- **Price** 42%\n- _Support_\n\n1. one\n2. two')).toBe(
      '<h4>Why they leave</h4>\n<ul><li><strong>Price</strong> 42%</li><li><em>Support</em></li></ul>\n<ol><li>one</li><li>two</li></ol>',
    )
    expect(renderMarkdown('> note\n\n```\nselect 1 < 2\n```\n---\nline one\nline two')).toBe(
      '<blockquote><p>note</p></blockquote>\n<pre><code>select 1 &lt; 2</code></pre>\n<hr>\n<p>line one<br>line two</p>',
    )
  })

  it('leaves snake_case and arithmetic alone and handles Chinese text', () => {
    expect(inline('churn_rate_by_plan 2 * 3 * 4')).toBe('churn_rate_by_plan 2 * 3 * 4')
    expect(renderMarkdown('**流失率**：8.1%，较上期 +0.8 个百分点')).toBe('<p><strong>流失率</strong>：8.1%，较上期 +0.8 个百分点</p>')
  })

  it('renders a half-streamed answer without throwing (open fence, header-only table)', () => {
    expect(renderMarkdown('```\nselect')).toBe('<pre><code>select</code></pre>')
    expect(renderMarkdown('| a | b |\n|---|')).toContain('<table>')
    expect(splitRow('| a \\| b | c |')).toEqual(['a | b', 'c'])
  })
})
