#!/usr/bin/env python3
"""Structured seeds for scripts/fuzz, written to .fuzz/seeds/TARGET: the shapes of issue 23 that random
mutation of the fixtures does not reach. Small (well under -max_len, and quick under AddressSanitizer: a
seed with thousands of findings would hit the 10 s timeout on its own), each the start of a shape:
.docx with numbering.xml and lvlText, many or nested paragraphs, duplicate entries; Markdown brackets,
tags, links and emphasis runs; GB18030 round-trip characters; odd-length UTF-16; control characters."""
import io, os, sys, warnings, zipfile

warnings.simplefilter("ignore")
root = sys.argv[1] if len(sys.argv) > 1 else ".fuzz/seeds"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body, numbering=None, duplicate=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
        if duplicate:
            z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body><w:p/></w:body></w:document>')
        if numbering:
            z.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


def numbering(text, fmt="decimal", start=1):
    return (f'<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
            f'<w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


p = lambda t: f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
np = lambda t, level=0: (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                         f"<w:r><w:t>{t}</w:t></w:r></w:p>")
report = "2023年工作总结\n一、主要工作\n召开会议*次，研究工作。\n二、存在的问题\n下一步，我局将继续。\n"

document = {
    "docx-lvltext-repeat.docx": docx(p("2023年工作总结") + np("主要工作") * 50, numbering("%1" * 2000, "upperRoman", 3990)),
    "docx-lvltext-levels.docx": docx(np("一") + np("二", 1) * 20, numbering("%1.%2.%3.%4.%5.%6.%7.%8.%9")),
    "docx-many-empty.docx": docx("<w:p/>" * 20000),
    "docx-nested.docx": docx("<w:p>" * 2000 + "</w:p>" * 2000),
    "docx-duplicate.docx": docx(p("2023年工作总结"), duplicate=True),
    "md-brackets.md": ("# 2023年工作总结\n" + "[" * 4000 + "\n").encode(),
    "md-tags.md": ("# 2023年工作总结\n" + "<a" * 2000 + "\n").encode(),
    "md-links.md": ("# 2023年工作总结\n" + "[a](" * 1000 + ")\n").encode(),
    "md-emphasis.md": ("# 2023年工作总结\n" + "*a _" * 500 + "\n").encode(),
    "md-code.md": ("# 2023年工作总结\n" + "`x" * 2000 + "\n").encode(),
    "txt-one-char-lines.txt": ("2023年工作总结\n" + "a\n" * 6000).encode(),
    "txt-findings.txt": ("2023年工作总结\n" + "召开会议 ,研究*次...\n" * 100).encode(),
    "txt-gb18030-roundtrip.txt": report.encode("gb18030") + b"\x95\x32\x90\x31\x95\x32\x90\x33\n",
    "txt-utf16-odd.txt": b"\xff\xfe" + report.encode("utf-16-le") + b"A",
    "txt-controls.txt": (report + "\x1b[2J\x1b]8;;http://x\x07点我\u202e。\n").encode(),
}
rules = {
    "rules-budget.yml": ("pack: t\nrules:\n  - {id: t/slow, kind: forbid, severity: info, message: m, patterns: ["
                         + ", ".join(f"'(a|aa)*c(?:x{{0,{n}}})'" for n in range(1, 20)) + "]}\n").encode(),
    "rules-alias.yml": b"pack: t\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nrules: [*b, *b]\n",
}
for target, seeds in (("document", document), ("rules", rules)):
    os.makedirs(os.path.join(root, target), exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(root, target, name), "wb") as f:
            f.write(data)
