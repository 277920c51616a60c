#!/usr/bin/env python3
"""Word documents for the annotate tests, made and read with python-docx (an independent reader).

  docx-check.py make REPORT.txt OUT.docx   a Word document of a report the way python-docx writes one:
                                           the title and numbered headings styled, body paragraphs in
                                           several runs (bold, italic), a table, a header, tab stops,
                                           and one comment of another reviewer
  docx-check.py inspect FILE.docx          JSON on stdout: every comment (id, author, text, the text it
                                           is anchored on, the paragraph where it starts), every tracked
                                           change (kind, author, text), and the document's text with all
                                           changes accepted and with all rejected (one line per paragraph)
"""
import json
import re
import sys

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def make(text_path, out_path):
    lines = open(text_path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    other_comment_run = None
    for number, line in enumerate(lines):
        if number == 0:
            paragraph = document.add_paragraph(style="Title")
            paragraph.add_run(line)
            continue
        match = HEADING.match(line)
        if match and len(line) < 30:
            paragraph = document.add_paragraph(style="Heading 1" if "、" in match.group(1) else "Heading 2")
            paragraph.add_run(line)
            continue
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(3), WD_TAB_ALIGNMENT.LEFT)
        # Runs cut at a third and two thirds of the line: words and punctuation fall across runs.
        third = max(1, len(line) // 3)
        parts = [line[:third], line[third:2 * third], line[2 * third:]]
        for index, part in enumerate(parts):
            if not part:
                continue
            run = paragraph.add_run(part)
            run.bold = index == 1
            run.italic = index == 2
            if other_comment_run is None and index == 0 and number > 2:
                other_comment_run = run
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "附表"
    table.rows[0].cells[1].text = "全年完成检查12次"
    if other_comment_run is not None:
        document.add_comment(other_comment_run, text="请核实数据。", author="办公室", initials="BGS")
    document.save(out_path)


def paragraph_texts(body, mode):
    """Each paragraph's text with tracked changes accepted or rejected (python-docx's element tree)."""
    texts = []
    for paragraph in body.iter(W + "p"):
        parts = []
        for element in paragraph.iter():
            if element.tag not in (W + "t", W + "delText", W + "tab", W + "br", W + "cr"):
                continue
            # Only the paragraph's own text, not that of a nested paragraph (text box).
            owner = element.getparent()
            while owner is not None and owner.tag != W + "p":
                owner = owner.getparent()
            if owner is not paragraph:
                continue
            inside = {ancestor.tag for ancestor in element.iterancestors()}
            if mode == "accept" and (W + "del") in inside:
                continue
            if mode == "reject" and (W + "ins") in inside:
                continue
            if element.tag in (W + "t", W + "delText"):
                parts.append(element.text or "")
            elif element.tag == W + "tab":
                if (W + "r") in inside:
                    parts.append("\t")
            elif element.get(W + "type") != "page":
                parts.append("\u2028")
        texts.append("".join(parts))
    return texts


def anchors(body):
    """The text between each comment's range start and end, in document order (accepted view: deleted
    text counts too, as Word shows it struck through inside the comment's range)."""
    open_ranges, found, starts = {}, {}, {}
    paragraph_index = {p: i for i, p in enumerate(body.iter(W + "p"))}
    for element in body.iter():
        tag = element.tag
        if tag == W + "commentRangeStart":
            key = element.get(W + "id")
            open_ranges[key] = {"accepted": [], "original": []}
            owner = element.getparent()
            while owner is not None and owner.tag != W + "p":
                owner = owner.getparent()
            starts[key] = paragraph_index.get(owner, -1)
        elif tag == W + "commentRangeEnd":
            key = element.get(W + "id")
            if key in open_ranges:
                found[key] = {k: "".join(v) for k, v in open_ranges.pop(key).items()}
        elif tag in (W + "t", W + "delText", W + "tab"):
            inside = {ancestor.tag for ancestor in element.iterancestors()}
            if tag == W + "tab" and (W + "r") not in inside:
                continue
            text = "\t" if tag == W + "tab" else (element.text or "")
            for collected in open_ranges.values():
                if (W + "del") not in inside:
                    collected["accepted"].append(text)
                if (W + "ins") not in inside:
                    collected["original"].append(text)
    return found, starts


def inspect(path):
    document = docx.Document(path)
    body = document.element.body
    ranges, starts = anchors(body)
    comments = []
    for comment in document.comments:
        key = str(comment.comment_id)
        comments.append({
            "id": comment.comment_id,
            "author": comment.author,
            "initials": comment.initials,
            "text": "\n".join(p.text for p in comment.paragraphs),
            "anchor": ranges.get(key, {}).get("original"),
            "anchorAccepted": ranges.get(key, {}).get("accepted"),
            "paragraph": starts.get(key),
        })
    revisions = []
    for element in body.iter(W + "ins", W + "del"):
        kind = "insert" if element.tag == W + "ins" else "delete"
        text = "".join((t.text or "") for t in element.iter(W + "t", W + "delText"))
        revisions.append({"kind": kind, "author": element.get(W + "author"), "id": element.get(W + "id"), "text": text})
    print(json.dumps({
        "comments": comments,
        "revisions": revisions,
        "accepted": paragraph_texts(body, "accept"),
        "rejected": paragraph_texts(body, "reject"),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "inspect":
        inspect(sys.argv[2])
    else:
        sys.exit(__doc__)
