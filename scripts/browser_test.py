"""The web page in headless Chromium, driven by Selenium (run by scripts/browser-test)."""
import json
import os
import sys
import time
import urllib.request
import uuid
import zipfile
from xml.sax.saxutils import escape

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE, OUT = sys.argv[1], sys.argv[2]
FIXTURE = "Fixtures/draft-punctuation.txt"


def make_docx(text_path, docx_path):
    """A minimal Word file: one paragraph per line of our own fixture, numbered headings kept as typed."""
    lines = open(text_path, encoding="utf-8").read().splitlines()
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}</w:body></w:document>',
    }
    with zipfile.ZipFile(docx_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def api_fix(docx_path):
    """What /api/fix gives for the same upload (multipart, as curl -F would send it)."""
    boundary = uuid.uuid4().hex
    data = open(docx_path, "rb").read()
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="draft.docx"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"{BASE}/api/fix", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    return json.load(urllib.request.urlopen(request))


def main():
    docx = os.path.abspath(f"{OUT}/draft.docx")
    make_docx(FIXTURE, docx)
    downloads = os.path.abspath(f"{OUT}/downloads")
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,1600",
                     "--force-device-scale-factor=1", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 30)
    problems = []
    try:
        driver.get(BASE + "/")
        wait.until(EC.presence_of_element_located((By.ID, "drop-zone")))
        driver.save_screenshot(f"{OUT}/1-page.png")

        # Upload the Word file.
        driver.find_element(By.ID, "file-input").send_keys(docx)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report-view mark.hl"))
        wait.until(lambda d: "检查完成" in d.find_element(By.ID, "status").text)
        findings = driver.find_elements(By.CSS_SELECTOR, "#report-view li.finding")
        highlighted = set()
        for mark in driver.find_elements(By.CSS_SELECTOR, "#report-view mark.hl"):
            highlighted.update((mark.get_attribute("data-findings") or "").split())
        listed = {item.get_attribute("id")[1:] for item in findings}
        if not findings:
            problems.append("no finding listed after the upload")
        if listed != highlighted:
            problems.append(f"findings without a highlight: {sorted(listed - highlighted)}; highlights without a finding: {sorted(highlighted - listed)}")
        sections = driver.find_elements(By.CSS_SELECTOR, "#report-view .sections li.section")
        if not sections:
            problems.append("the outline shows no required section")
        note = driver.find_element(By.ID, "doc-note").text
        if "Word 文件" not in note:
            problems.append(f"the Word note is missing: {note!r}")
        counts = {chip.get_attribute("data-severity"): chip.find_element(By.TAG_NAME, "b").text
                  for chip in driver.find_elements(By.CSS_SELECTOR, ".chip")}
        print(f"after upload: {len(findings)} findings, all highlighted; by severity {counts}; {len(sections)} required sections in the outline")
        if driver.find_element(By.ID, "token-row").is_displayed():
            problems.append("the token row shows on a server without a token")
        driver.execute_script("document.getElementById('result').scrollIntoView()")
        driver.save_screenshot(f"{OUT}/2-after-upload.png")

        # One fix: the first finding's own button.
        buttons = driver.find_elements(By.CSS_SELECTOR, "#report-view button.fix-one")
        if not buttons:
            problems.append("no fix button")
        else:
            before = int(counts.get("error", "0")) + int(counts.get("warning", "0")) + int(counts.get("info", "0"))
            title = buttons[0].get_attribute("title")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[0])
            buttons[0].click()
            wait.until(lambda d: "已修正 1 处" in d.find_element(By.ID, "status").text)
            edits = driver.find_elements(By.CSS_SELECTOR, "#edit-list li")
            changed = driver.find_elements(By.CSS_SELECTOR, "#report-view .line.changed")
            after = sum(int(chip.find_element(By.TAG_NAME, "b").text) for chip in driver.find_elements(By.CSS_SELECTOR, ".chip"))
            if len(edits) != 1 or len(changed) != 1:
                problems.append(f"after one fix: {len(edits)} edits listed, {len(changed)} lines marked changed")
            if after != before - 1:
                problems.append(f"after one fix the findings went from {before} to {after}")
            print(f"one fix ({title}): {edits[0].text if edits else '?'}; line {changed[0].get_attribute('id') if changed else '?'} marked; findings {before} → {after}")
            driver.execute_script("document.getElementById('result').scrollIntoView()")
            driver.save_screenshot(f"{OUT}/3-after-one-fix.png")

        # All fixes, then the download.
        driver.find_element(By.ID, "fix-all").click()
        wait.until(lambda d: d.find_element(By.ID, "fix-all").text == "没有可自动修正的问题")
        edits = driver.find_elements(By.CSS_SELECTOR, "#edit-list li")
        print(f"after fixing all: {len(edits)} edits listed; status: {driver.find_element(By.ID, 'status').text}")
        driver.execute_script("document.getElementById('result').scrollIntoView()")
        driver.save_screenshot(f"{OUT}/4-after-fix-all.png")
        def downloaded(name):
            """The finished download called `name` (Chromium writes a hidden temporary file first)."""
            deadline = time.time() + 30
            path = os.path.join(downloads, name)
            while time.time() < deadline:
                if os.path.exists(path) and not any(n.endswith(".crdownload") or n.startswith(".") for n in os.listdir(downloads)):
                    return path
                time.sleep(0.2)
            problems.append(f"{name} was not downloaded (the folder holds {os.listdir(downloads)})")
            return None

        driver.find_element(By.ID, "download-text").click()
        path = downloaded("draft.修正.txt")
        if path:
            text = open(path, encoding="utf-8").read()
            expected = api_fix(docx)["fixedText"]
            if text != expected:
                problems.append("the downloaded text differs from /api/fix's fixed text")
            print(f"downloaded draft.修正.txt ({len(text.encode())} bytes), equal to /api/fix's fixed text: {text == expected}")

        # The reviewed copy of the uploaded Word file.
        driver.find_element(By.ID, "download-review").click()
        path = downloaded("draft.审阅.docx")
        if path:
            with zipfile.ZipFile(path) as archive:
                comments = archive.read("word/comments.xml").decode("utf-8").count("<w:comment ")
                insertions = archive.read("word/document.xml").decode("utf-8").count("<w:ins ")
            if comments != len(findings):
                problems.append(f"the reviewed copy has {comments} comments for {len(findings)} findings")
            print(f"downloaded draft.审阅.docx: {comments} comments, {insertions} tracked insertions; status: {driver.find_element(By.ID, 'status').text}")

        # A phone.
        driver.set_window_size(390, 1400)
        driver.refresh()
        wait.until(EC.presence_of_element_located((By.ID, "file-input")))
        driver.find_element(By.ID, "file-input").send_keys(docx)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report-view mark.hl"))
        width = driver.execute_script("return document.documentElement.scrollWidth")
        if width > 400:
            problems.append(f"the phone view scrolls sideways ({width} px wide)")
        driver.execute_script("document.getElementById('result').scrollIntoView()")
        driver.save_screenshot(f"{OUT}/5-phone.png")

        # The console: a CSP violation or a script error is a failure.
        for entry in driver.get_log("browser"):
            if entry["level"] in ("SEVERE", "WARNING") and "favicon" not in entry["message"]:
                problems.append(f"browser console: {entry['message']}")
    finally:
        driver.quit()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"browser test passed; screenshots in {OUT}/")


main()
