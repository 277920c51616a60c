#!/usr/bin/env python3
"""Checks a reviewed copy's PDF rendering: the comments stand in the margin beside the body text, and the
tracked changes are shown as changes (the deleted and the inserted text both on the page).

  margin-check.py RENDERED.pdf REVIEWED.docx

Reads the comments and the changed paragraphs from the .docx (standard library only) and the positions of the
PDF's text from `pdftotext -bbox-layout` (poppler-utils). LibreOffice prints comments in the margin by shrinking
the page to 75 % and putting the comment boxes in the strip on the right, so a block of text that starts right of
70 % of the page width is margin, a block that ends left of it is body. Each comment must show its head (severity
and message title, up to the first "："; LibreOffice cuts long comments off after a few lines) in the margin, and
each paragraph with a tracked change must read, in the body, as its old and new text side by side. Exit 0 when
all are there, 1 (with what is missing on stderr) when not, 2 when a file cannot be read.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XHTML = "{http://www.w3.org/1999/xhtml}"
MARGIN_START = 0.70  # share of the page width where the comment strip begins
SPACE = re.compile(r"\s+")


def squeeze(text):
    """Text without any white space: pdftotext puts spaces between Latin and Han text, Word does not."""
    return SPACE.sub("", text)


def paragraph_text(paragraph, with_deleted):
    parts = []
    for element in paragraph.iter():
        if element.tag == W + "t" or (with_deleted and element.tag == W + "delText"):
            parts.append(element.text or "")
    return "".join(parts)


def comment_heads(archive):
    """The head of each comment: its first paragraph up to the first full-width colon."""
    if "word/comments.xml" not in archive.namelist():
        return []
    heads = []
    for comment in ET.fromstring(archive.read("word/comments.xml")).iter(W + "comment"):
        first = next(comment.iter(W + "p"), None)
        text = squeeze(paragraph_text(first, False)) if first is not None else ""
        if text:
            heads.append((comment.get(W + "id"), text.split("：", 1)[0]))
    return heads


def changed_paragraphs(archive):
    """Each paragraph with a tracked change, as shown with changes visible: old and new text both."""
    body = ET.fromstring(archive.read("word/document.xml"))
    shown = []
    for paragraph in body.iter(W + "p"):
        if paragraph.find(".//" + W + "del") is None and paragraph.find(".//" + W + "ins") is None:
            continue
        text = squeeze(paragraph_text(paragraph, True))
        if text:
            shown.append(text)
    return shown


def pdf_blocks(pdf):
    """(is_margin, text) of every text block of every page, in pdftotext's reading order."""
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], check=True, capture_output=True
    ).stdout
    blocks = []
    for page in ET.fromstring(layout).iter(XHTML + "page"):
        margin_start = float(page.get("width")) * MARGIN_START
        for block in page.iter(XHTML + "block"):
            words = [word.text or "" for word in block.iter(XHTML + "word")]
            if float(block.get("xMin")) >= margin_start:
                blocks.append((True, squeeze("".join(words))))
            elif float(block.get("xMax")) <= margin_start:
                blocks.append((False, squeeze("".join(words))))
    return blocks


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    pdf, docx = argv[1], argv[2]
    try:
        with zipfile.ZipFile(docx) as archive:
            heads = comment_heads(archive)
            changed = changed_paragraphs(archive)
        blocks = pdf_blocks(pdf)
    except (OSError, zipfile.BadZipFile, ET.ParseError, KeyError, subprocess.CalledProcessError) as error:
        print(f"margin-check: {error}", file=sys.stderr)
        return 2
    margin = [text for is_margin, text in blocks if is_margin]
    body = "".join(text for is_margin, text in blocks if not is_margin)
    missing = []
    if not heads:
        missing.append("the reviewed copy has no comments to look for")
    if not body:
        missing.append("no body text left of the margin")
    for comment_id, head in heads:
        if not any(head in text for text in margin):
            missing.append(f"comment {comment_id} ({head}) is not in the margin")
    both = [text for text in changed if text in body]
    if changed and not both:
        missing.append("no tracked change is shown as old and new text (accepted or hidden?)")
    if missing:
        print(f"margin-check: {pdf}:", file=sys.stderr)
        for line in missing:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(
        f"margin-check: {len(heads)} comments in the margin; {len(both)} of {len(changed)} changed paragraphs read as"
        " old and new text"
    )
    for text in changed:
        if text not in both:
            print(f"  not read as both (a deletion LibreOffice does not draw?): {text[:30]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
