// The ReportLint page: submits a file or pasted text to /api/review, draws the report the server sends
// (the HTML report's own drawing), applies safe fixes through /api/fix, and downloads the fixed text.
// No inline code and no other origin: the content security policy allows only this file.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const state = {
    name: null,        // the report's name (its extension says how the server reads the text)
    text: null,        // the working text as it is now
    format: null,      // text | markdown | docx
    outlineLevels: {}, // Word's heading levels by line (the text of a .docx)
    edits: [],         // fixes applied so far, for the list and the changed lines
    review: null,
    original: null,    // what was submitted (a File, or the pasted text), for the reviewed copy
  };
  const severityOrder = { error: 0, warning: 1, info: 2 };

  function token() { return sessionStorage.getItem("reportlint-token") || ""; }

  function setStatus(message, kind) {
    const status = $("status");
    status.textContent = message || "";
    status.className = "status" + (kind ? " " + kind : "");
  }

  async function call(path, body, isForm) {
    const headers = {};
    if (!isForm) headers["Content-Type"] = "application/json";
    if (token()) headers["Authorization"] = "Bearer " + token();
    let response;
    try {
      response = await fetch(path, { method: "POST", headers: headers, body: isForm ? body : JSON.stringify(body) });
    } catch (error) {
      throw new Error("无法连接服务器，请检查网络后重试");
    }
    let data = null;
    try { data = await response.json(); } catch (error) { data = null; }
    if (response.status === 401) {
      $("token-row").hidden = false;
      $("token-input").focus();
    }
    if (!response.ok) {
      const message = data && data.error ? data.error.message : "服务器返回错误（HTTP " + response.status + "）";
      throw new Error(message);
    }
    return data;
  }

  function selectedType() { return $("type-select").value; }

  // MARK: Submitting

  async function submitFile(file) {
    $("file-name").hidden = false;
    $("file-name").textContent = file.name + "（" + Math.max(1, Math.round(file.size / 1024)) + " KB）";
    const form = new FormData();
    form.append("file", file, file.name);
    if (selectedType()) form.append("type", selectedType());
    state.edits = [];
    state.original = file;
    await review(() => call("/api/review", form, true), "正在检查 " + file.name + " ……");
    showResult();
  }

  async function submitText() {
    const text = $("paste-text").value;
    if (!text.trim()) {
      setStatus("请先选择文件或粘贴文字", "error");
      return;
    }
    state.edits = [];
    state.outlineLevels = {};
    state.original = text;
    await review(() => call("/api/review", { text: text, name: "粘贴的文字.txt", type: selectedType() }), "正在检查……");
    showResult();
  }

  /// Lints the working copy again (after a fix).
  function reviewWorkingCopy() {
    return call("/api/review", { text: state.text, name: state.name, type: selectedType(), outlineLevels: state.outlineLevels });
  }

  async function review(request, busyMessage) {
    setStatus(busyMessage, "busy");
    $("check-button").disabled = true;
    try {
      const data = await request();
      state.review = data;
      state.name = data.document.name;
      state.text = data.document.text;
      if (!state.format || state.edits.length === 0) state.format = data.document.format;
      state.outlineLevels = data.document.outlineLevels || {};
      render(data);
      const summary = data.report.summary;
      setStatus("检查完成：" + summary.errors + " 个错误，" + summary.warnings + " 个警告，" + summary.infos + " 个提示。");
    } catch (error) {
      setStatus(error.message, "error");
    } finally {
      $("check-button").disabled = false;
    }
  }

  // MARK: Drawing

  /// After a new submission the results come into view (not after a fix: the writer stays where they were).
  function showResult() {
    if (!$("result").hidden) $("result").scrollIntoView({ block: "start" });
  }

  function render(data) {
    $("result").hidden = false;
    // The server's drawing is built by the HTML reporter, which escapes every text and attribute.
    $("report-view").innerHTML = data.html;
    const findings = data.report.files[0].findings || [];
    for (const severity of ["error", "warning", "info"]) {
      const count = findings.filter((finding) => finding.severity === severity).length;
      document.querySelector('.chip[data-severity="' + severity + '"] b').textContent = String(count);
    }
    addFixButtons(data.fixes);
    $("fix-all").disabled = data.fixes.length === 0;
    $("fix-all").textContent = data.fixes.length > 0 ? "全部修正（" + data.fixes.length + " 处）" : "没有可自动修正的问题";
    const note = $("doc-note");
    if (state.format === "docx") {
      note.hidden = false;
      note.textContent = "Word 文件按段落检查（每段一行）。原文件不会被改写：修正在文字副本上进行，可下载修正后的文字。";
    } else if (state.format === "markdown") {
      note.hidden = false;
      note.textContent = "Markdown 文件：显示去掉标记后的文字，修正在原文上进行。";
    } else {
      note.hidden = true;
    }
    renderEdits();
    applyFilter();
  }

  function addFixButtons(fixes) {
    for (const fix of fixes) {
      const item = document.getElementById("f1-" + (fix.finding + 1));
      if (!item) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "fix-one";
      button.textContent = "修正";
      button.title = (fix.original ? "“" + fix.original + "”" : "（空）") + " → " + (fix.replacement ? "“" + fix.replacement + "”" : "删除");
      button.dataset.rule = fix.rule;
      button.dataset.line = String(fix.line);
      button.dataset.column = String(fix.column);
      item.appendChild(button);
    }
  }

  function renderEdits() {
    const list = $("edit-list");
    list.textContent = "";
    $("edits").hidden = state.edits.length === 0;
    for (const edit of state.edits) {
      const item = document.createElement("li");
      item.className = "edit";
      item.append("第 " + edit.line + " 行：");
      const before = document.createElement("del");
      before.textContent = edit.original ? "“" + edit.original + "”" : "（空）";
      const after = document.createElement("ins");
      after.textContent = edit.replacement ? "“" + edit.replacement + "”" : "删除";
      item.append(before, " → ", after, " ");
      const rule = document.createElement("code");
      rule.textContent = edit.rule;
      item.append(rule);
      list.appendChild(item);
      const line = document.getElementById("L1-" + edit.line);
      if (line) line.classList.add("changed");
    }
  }

  function applyFilter() {
    const active = new Set([...document.querySelectorAll(".chip.active")].map((chip) => chip.dataset.severity));
    const list = document.querySelector("#report-view ol.findings");
    if (!list) return;
    const items = [...list.querySelectorAll("li.finding")];
    for (const item of items) {
      const severity = ["error", "warning", "info"].find((name) => item.classList.contains(name));
      item.classList.toggle("hidden-by-filter", !active.has(severity));
    }
    const bySeverity = $("order-by-severity").checked;
    const number = (item) => Number(item.id.split("-")[1]);
    const rank = (item) => severityOrder[["error", "warning", "info"].find((name) => item.classList.contains(name))];
    items.sort((a, b) => bySeverity ? (rank(a) - rank(b) || number(a) - number(b)) : number(a) - number(b));
    for (const item of items) list.appendChild(item);
  }

  // MARK: Fixing

  async function applyFix(body, busyMessage) {
    setStatus(busyMessage, "busy");
    try {
      const fixed = await call("/api/fix", Object.assign({ text: state.text, name: state.name, type: selectedType(), outlineLevels: state.outlineLevels }, body));
      state.text = fixed.fixedText;
      state.edits = state.edits.concat(fixed.edits);
      await review(reviewWorkingCopy, "正在重新检查……");
      setStatus("已修正 " + fixed.edits.length + " 处。" + $("status").textContent);
    } catch (error) {
      setStatus(error.message, "error");
    }
  }

  function download() {
    if (state.text === null) return;
    const base = state.name.replace(/\.[^.]*$/, "");
    const extension = state.format === "markdown" ? ".md" : ".txt";
    const blob = new Blob([state.text], { type: "text/plain;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = base + (state.edits.length > 0 ? ".修正" : "") + extension;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  /// The reviewed copy of what was submitted: a Word comment per finding, each safe fix a tracked change.
  async function downloadReview() {
    if (state.original === null) return;
    setStatus("正在生成审阅稿……", "busy");
    const headers = {};
    if (token()) headers["Authorization"] = "Bearer " + token();
    let body;
    if (typeof state.original === "string") {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify({ text: state.original, name: "粘贴的文字.txt", type: selectedType() });
    } else {
      body = new FormData();
      body.append("file", state.original, state.original.name);
      if (selectedType()) body.append("type", selectedType());
    }
    try {
      const response = await fetch("/api/annotate", { method: "POST", headers: headers, body: body });
      if (!response.ok) {
        let message = "服务器返回错误（HTTP " + response.status + "）";
        try { message = (await response.json()).error.message; } catch (error) { /* keep the status */ }
        throw new Error(message);
      }
      const blob = await response.blob();
      const name = typeof state.original === "string" ? "粘贴的文字" : state.original.name.replace(/\.[^.]*$/, "");
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = name + ".审阅.docx";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      setStatus("已生成审阅稿：" + response.headers.get("X-ReportLint-Comments") + " 条批注，"
        + response.headers.get("X-ReportLint-Tracked-Changes") + " 处修订（在 Word 或 WPS 中打开，逐条接受或拒绝）。");
    } catch (error) {
      setStatus(error.message, "error");
    }
  }

  // MARK: Wiring

  document.addEventListener("DOMContentLoaded", () => {
    const zone = $("drop-zone");
    $("file-input").addEventListener("change", (event) => {
      const file = event.target.files[0];
      if (file) submitFile(file);
    });
    zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("dragging"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      const file = event.dataTransfer.files[0];
      if (file) submitFile(file);
    });
    zone.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); $("file-input").click(); }
    });
    $("input-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const file = $("file-input").files[0];
      if ($("paste-text").value.trim() || !file) submitText(); else submitFile(file);
    });
    $("token-input").addEventListener("change", (event) => sessionStorage.setItem("reportlint-token", event.target.value.trim()));
    $("fix-all").addEventListener("click", () => applyFix({}, "正在修正全部可自动修正的问题……"));
    $("download-text").addEventListener("click", download);
    $("download-review").addEventListener("click", downloadReview);
    $("order-by-severity").addEventListener("change", applyFilter);
    for (const chip of document.querySelectorAll(".chip")) {
      chip.addEventListener("click", () => { chip.classList.toggle("active"); applyFilter(); });
    }
    $("report-view").addEventListener("click", (event) => {
      const button = event.target.closest("button.fix-one");
      if (button) {
        applyFix({ fix: { rule: button.dataset.rule, line: Number(button.dataset.line), column: Number(button.dataset.column) } },
                 "正在修正……");
        return;
      }
      // On a phone there is no hover: a tap on a highlight selects its findings in the list.
      const mark = event.target.closest("mark.hl");
      if (mark) {
        for (const selected of document.querySelectorAll(".selected")) selected.classList.remove("selected");
        mark.classList.add("selected");
        const first = (mark.dataset.findings || "").split(" ")[0];
        const item = first ? document.getElementById("f" + first) : null;
        if (item) { item.classList.add("selected"); item.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
      }
    });
  });
})();
