/// The HTML report's one style sheet, inlined so the page needs nothing else. Report text is set in the
/// 仿宋 family official documents use (with free CJK fonts after it), the interface in a 黑体 stack, with
/// generous line height for Chinese; colours mark severity; print keeps the highlights and drops the
/// side-by-side layout. No `<` or `&` in here: the page must stay well-formed XML.
enum HTMLStyle {
    static let css = """
        :root {
          --ui: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
          --body: "FangSong", "STFangsong", "FangSong_GB2312", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
          --mono: "SFMono-Regular", "DejaVu Sans Mono", "Menlo", "Consolas", monospace;
          --error: #c5221f; --error-bg: #fce4e2;
          --warning: #b06000; --warning-bg: #fff0c2;
          --info: #1967d2; --info-bg: #e3eefc;
          --line: #e4e4e7; --muted: #6b6b73;
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 84rem; padding: 1.5rem 2rem 4rem; font-family: var(--ui); color: #1f1f23; line-height: 1.6; }
        h1 { font-size: 1.6rem; margin: 0 0 1rem; }
        h2 { font-size: 1.25rem; margin: 2.5rem 0 .5rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        code { font-family: var(--mono); font-size: .85em; }
        a { color: inherit; }
        .totals { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0; }
        .total { min-width: 7rem; padding: .5rem .9rem; border: 1px solid var(--line); border-radius: .5rem; }
        .total dt { font-size: .85rem; color: var(--muted); }
        .total dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
        .total.error dd { color: var(--error); } .total.warning dd { color: var(--warning); } .total.info dd { color: var(--info); }
        .diagnostic { color: var(--warning); }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { color: var(--muted); font-weight: 600; white-space: nowrap; }
        td.count, tfoot td, th.count { text-align: right; font-variant-numeric: tabular-nums; }
        td.count.error { color: var(--error); font-weight: 600; } td.count.warning { color: var(--warning); font-weight: 600; }
        td.count.info { color: var(--info); } td.count.zero { color: #b4b4bb; }
        tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
        .unreadable { color: var(--error); }
        .meta, .note { color: var(--muted); margin: .2rem 0 .8rem; }
        .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem); gap: 1.5rem; align-items: start; }
        .report { font-family: var(--body); font-size: 1.1rem; line-height: 2; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.2rem; }
        .line { display: flex; gap: .9rem; }
        .line:target { background: #fafad2; }
        .ln { flex: none; width: 2.8rem; text-align: right; color: #a1a1aa; font-family: var(--mono); font-size: .75rem; line-height: 2.9; user-select: none; }
        .tx { flex: 1; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 2em; }
        mark.hl { color: inherit; border-radius: 2px; padding: 0 1px; cursor: help; }
        mark.error { background: var(--error-bg); box-shadow: inset 0 -2px var(--error); }
        mark.warning { background: var(--warning-bg); box-shadow: inset 0 -2px var(--warning); }
        mark.info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
        mark.point { background: none; box-shadow: none; padding: 0; }
        mark.point::before { content: "\\25B2"; font-size: .7em; vertical-align: sub; }
        mark.point.error::before { color: var(--error); } mark.point.warning::before { color: var(--warning); } mark.point.info::before { color: var(--info); }
        aside { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; font-size: .9rem; }
        aside h3:first-child { margin-top: 0; }
        .findings { margin: 0; padding-left: 1.4rem; }
        .finding { margin-bottom: .6rem; }
        .finding .position { font-family: var(--mono); font-size: .85em; }
        .finding .severity { font-size: .8em; padding: 0 .35em; border-radius: 3px; color: #fff; }
        .finding.error .severity { background: var(--error); } .finding.warning .severity { background: var(--warning); }
        .finding.info .severity { background: var(--info); }
        .finding .rule { color: var(--muted); }
        .finding:target { outline: 2px solid #fbbf24; }
        .suggestion { color: var(--muted); }
        .outline ul { list-style: none; margin: 0; padding: 0; }
        .heading { padding: .1rem 0; }
        .depth-1 { padding-left: 1.2rem; } .depth-2 { padding-left: 2.4rem; } .depth-3 { padding-left: 3.6rem; } .depth-4 { padding-left: 4.8rem; }
        .heading a, .doc-title a { text-decoration: none; }
        .tag { margin-left: .4rem; font-size: .8em; color: var(--warning); }
        .section { padding: .15rem 0; }
        .section .status { font-weight: 600; }
        .section.found .status { color: #137333; }
        .section.missing .status { color: var(--error); }
        .section.absent .status { color: var(--muted); }
        .section.missing { background: var(--error-bg); border-left: 3px solid var(--error); padding-left: .4rem; }
        .section .detail { color: var(--muted); }
        .clean { color: #137333; }
        @media (max-width: 60rem) { .layout { display: block; } aside { position: static; max-height: none; } }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; }
          tfoot { display: table-row-group; } /* the 合计 row once, at the end, not at the foot of every page */
          .layout { display: block; }
          aside { position: static; max-height: none; overflow: visible; }
          .file { break-before: page; }
          .line { break-inside: avoid; }
          mark.hl, .finding .severity, .section.missing { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { text-decoration: none; }
        }

        """
}
