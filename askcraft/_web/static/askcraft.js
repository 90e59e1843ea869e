// askcraft's local web page: live preview (Draft) and marked-up findings (Check).
// Plain JavaScript, no build step, no third-party code. Everything askcraft or the user wrote is put
// into the page as text (textContent / text nodes), never as HTML.
"use strict";

(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const $ = (id) => document.getElementById(id);
  const SEVERITY = { error: 0, warning: 1, suggestion: 2, notice: 3 };
  // How long typing must pause before the page drafts again (a draft per keystroke would queue up).
  const DEBOUNCE_MS = 120;

  // -- helpers ------------------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function post(url, body, signal) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      if (data && data.error) throw new Error(data.error);
      if (response.status === 413) throw new Error("That is more text than the page accepts.");
      throw new Error(`askcraft could not answer (HTTP ${response.status}).`);
    }
    return data;
  }

  async function copyText(text, statusNode) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (err) {
      const area = el("textarea");
      area.value = text;
      area.className = "offscreen";
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    statusNode.textContent = "Copied.";
    setTimeout(() => { statusNode.textContent = ""; }, 3000);
  }

  // One finding's fixes as buttons; `apply` makes the fix.
  function fixButtons(finding, apply) {
    const box = el("span", "fixes");
    const advice = [];
    for (const fix of finding.fixes) {
      const usable = fix.path !== null || fix.offset !== undefined;
      const words = finding.excerpt.trim();
      if (!usable) {
        // The template wrote these words, so no field of the form holds them: say what to do instead.
        advice.push(fix.replacement === "" ? `leave out “${words}”` : `“${fix.replacement}”`);
        continue;
      }
      const label = rewrites(fix) ? `Rewrite “${words}”` : fix.replacement === "" ? `Remove “${words}”` : `Use “${fix.replacement}”`;
      const button = el("button", "fix", label);
      button.type = "button";
      button.addEventListener("click", () => apply(finding, fix));
      box.append(button);
    }
    if (advice.length) box.append(el("span", "suggestion", `Suggested: ${advice.join(", or ")}`));
    return box;
  }

  // A removal that would leave a field the message needs empty: the person rewrites it instead.
  function rewrites(fix) {
    if (!fix.path || fix.value === undefined || fix.value.trim()) return false;
    const input = document.querySelector(`[name="${CSS.escape(fix.path)}"]`);
    return Boolean(input) && input.getAttribute("aria-required") === "true";
  }

  function describeChange(finding, fix) {
    const words = finding.excerpt.trim();
    return fix.replacement === "" ? `Removed “${words}”.` : `Changed “${words}” to “${fix.replacement}”.`;
  }

  function describeFinding(finding) {
    const box = el("span", "tip-text");
    box.append(el("strong", `tag tag-${finding.style}`, finding.style_label), " ");
    box.append(el("span", "says", finding.message));
    return box;
  }

  // Text cut into runs (by the server); runs under findings become focusable marks with an explanation.
  function renderRuns(container, runs, findings, apply, prefix) {
    container.replaceChildren();
    const byId = new Map(findings.map((f) => [f.id, f]));
    runs.forEach((run, index) => {
      const over = run.ids.map((id) => byId.get(id)).filter(Boolean);
      if (!over.length) {
        container.append(document.createTextNode(run.text));
        return;
      }
      over.sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]);
      const top = over[0];
      const flag = el("span", "flag");
      const mark = el("mark", `mark mark-${top.style} sev-${top.severity}`, run.text);
      mark.tabIndex = 0;
      mark.dataset.rule = top.rule;
      const tip = el("span", "tip");
      tip.id = `${prefix}-tip-${index}`;
      for (const finding of over) {
        const item = el("span", "tip-item");
        item.append(describeFinding(finding), fixButtons(finding, apply));
        tip.append(item);
      }
      mark.setAttribute("aria-describedby", tip.id);
      flag.append(mark, tip);
      container.append(flag);
    });
  }

  function renderFindingList(list, findings, apply) {
    list.replaceChildren();
    for (const finding of findings) {
      const item = el("li", `finding sev-${finding.severity}`);
      item.append(el("span", `tag tag-${finding.style}`, finding.style_label));
      item.append(el("span", "severity", finding.severity));
      if (finding.excerpt.trim()) item.append(el("q", "excerpt", finding.excerpt.trim()));
      item.append(el("p", "says", finding.message), fixButtons(finding, apply));
      list.append(item);
    }
    list.parentElement.hidden = findings.length === 0;
  }

  // An explanation opens below its mark, moved sideways as far as it takes to stay inside the part
  // of the page that would otherwise cut it off (the preview column scrolls, so it clips).
  function clipBox(node) {
    for (let at = node.parentElement; at && at !== document.body; at = at.parentElement) {
      if (getComputedStyle(at).overflowX !== "visible") return at.getBoundingClientRect();
    }
    return { left: 0, right: document.documentElement.clientWidth };
  }

  function placeTip(event) {
    const flag = event.target.closest ? event.target.closest(".flag") : null;
    if (!flag || (event.relatedTarget && flag.contains(event.relatedTarget))) return;
    const tip = flag.querySelector(".tip");
    if (!tip) return;
    tip.style.transform = "";
    requestAnimationFrame(() => {
      const room = clipBox(flag);
      const box = tip.getBoundingClientRect();
      if (box.width === 0) return; // not shown (the pointer has already moved on)
      const margin = 8;
      let shift = 0;
      if (box.right > room.right - margin) shift = room.right - margin - box.right;
      if (box.left + shift < room.left + margin) shift = room.left + margin - box.left;
      if (shift) tip.style.transform = `translateX(${Math.round(shift)}px)`;
    });
  }
  document.addEventListener("mouseover", placeTip);
  document.addEventListener("focusin", placeTip);

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.activeElement && document.activeElement.closest(".flag")) {
      document.activeElement.blur();
    }
  });

  // -- the Draft page -----------------------------------------------------------------------------

  function draftPage() {
    const form = $("intent");
    const storeKey = `askcraft-draft:${form.dataset.pack}`;
    const status = $("status");
    const touched = new Set();
    let variant = null;
    let timer = null;
    let controller = null;
    let seq = 0;
    let last = null;

    const fields = () => Array.from(form.elements).filter((node) => node.name);
    const stage = () => document.querySelector('input[name="stage"]:checked').value;
    const slug = (path) => path.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

    function values() {
      const out = {};
      for (const node of fields()) out[node.name] = node.type === "checkbox" ? node.checked : node.value;
      return out;
    }
    const ask = () => ({ fields: values(), pack: form.dataset.pack || null, stage: stage(),
      variant, grammar: $("grammar").checked });

    function restore() {
      let saved = null;
      try { saved = JSON.parse(sessionStorage.getItem(storeKey) || "null"); } catch (err) { saved = null; }
      if (!saved) return;
      for (const node of fields()) {
        if (!(node.name in saved)) continue;
        if (node.type === "checkbox") node.checked = Boolean(saved[node.name]);
        else node.value = saved[node.name];
        if (node.value) touched.add(node.name);
      }
    }
    const save = () => sessionStorage.setItem(storeKey, JSON.stringify(values()));

    function schedule(delay) {
      clearTimeout(timer);
      timer = setTimeout(update, delay === undefined ? DEBOUNCE_MS : delay);
    }

    function showStage() {
      for (const set of form.querySelectorAll("fieldset[data-stage]")) set.hidden = set.dataset.stage !== stage();
    }

    function applyFix(finding, fix) {
      const node = form.elements.namedItem(fix.path);
      if (!node || node.value !== fix.was) { schedule(0); return; }
      if (rewrites(fix)) {
        node.focus();
        node.select();
        status.textContent = `Write this again in your own words: the draft needs it, and askcraft flagged “${finding.excerpt.trim()}”.`;
        return;
      }
      node.value = fix.value;
      save();
      status.textContent = describeChange(finding, fix);
      schedule(0);
    }

    function showProblems(data) {
      for (const node of form.querySelectorAll(".error")) { node.hidden = true; node.textContent = ""; }
      for (const node of fields()) node.removeAttribute("aria-invalid");
      const list = $("problem-list");
      list.replaceChildren();
      const mark = (path, message) => {
        const error = $(`e-${slug(path)}`);
        const input = $(`f-${slug(path)}`);
        if (!error || !input) return;
        error.textContent = message;
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
      };
      for (const [path, message] of Object.entries(data.invalid)) mark(path, message);
      for (const [path, item] of Object.entries(data.missing)) {
        if (touched.has(path)) mark(path, item.message);
        const entry = el("li");
        const link = el("a", null, item.label);
        link.href = `#f-${slug(path)}`;
        link.addEventListener("click", (event) => { event.preventDefault(); $(`f-${slug(path)}`).focus(); });
        entry.append(link, `: ${item.message}`);
        list.append(entry);
      }
      for (const [path, message] of Object.entries(data.invalid)) {
        const entry = el("li");
        const input = $(`f-${slug(path)}`);
        const label = input ? form.querySelector(`label[for="${input.id}"]`) : null;
        entry.append(`${label ? label.firstChild.textContent.trim() : path}: ${message}`);
        list.append(entry);
      }
      for (const message of data.other) list.append(el("li", null, message));
      $("problems").hidden = list.children.length === 0;
    }

    function showRequired(required) {
      for (const wrap of form.querySelectorAll(".field[data-path]")) {
        const path = wrap.dataset.path;
        const badge = $(`r-${slug(path)}`);
        const input = $(`f-${slug(path)}`);
        const note = required[path];
        if (badge) { badge.hidden = !note; badge.textContent = note || "required"; }
        if (input) { if (note) input.setAttribute("aria-required", "true"); else input.removeAttribute("aria-required"); }
      }
    }

    function showVariants(draft) {
      const row = $("variant-row");
      row.replaceChildren();
      for (const name of draft.variants) {
        const id = `variant-${name}`;
        const input = el("input");
        Object.assign(input, { type: "radio", name: "variant", id, value: name, checked: name === draft.variant });
        input.addEventListener("change", () => { variant = name; schedule(0); });
        const label = el("label", null, name.replace(/-/g, " ") + (name === draft.auto_variant ? " (picked for them)" : ""));
        label.htmlFor = id;
        row.append(input, label);
      }
      $("variants").hidden = draft.variants.length < 2;
    }

    function showProvenance(provenance) {
      const list = $("provenance-list");
      list.replaceChildren();
      const names = { pack: "Pack", version: "Version", source: "From", template: "Template",
        variant: "Phrasing", content_hash: "Content hash", askcraft_version: "askcraft" };
      for (const [key, label] of Object.entries(names)) list.append(el("dt", null, label), el("dd", null, provenance[key]));
      $("provenance").hidden = false;
    }

    function show(data) {
      showRequired(data.required);
      showProblems(data);
      const draft = data.draft;
      const ready = Boolean(draft);
      $("message").hidden = !ready;
      $("copy").disabled = !ready;
      for (const button of $("download").querySelectorAll("button")) button.disabled = !ready;
      if (!ready) {
        last = null;
        $("findings-panel").hidden = true;
        status.textContent = "Fill in the fields listed under “Still needed” to see your draft.";
        return;
      }
      last = draft;
      $("subject-row").hidden = !draft.subject;
      renderRuns($("subject"), draft.subject_runs, draft.findings, applyFix, "s");
      renderRuns($("body"), draft.body_runs, draft.findings, applyFix, "b");
      renderFindingList($("findings"), draft.findings, applyFix);
      showVariants(draft);
      showProvenance(draft.provenance);
      const count = draft.findings.length;
      status.textContent = count ? `Draft updated: ${count} thing${count > 1 ? "s" : ""} to look at.` : "Draft updated: nothing to fix.";
      $("message").dataset.version = String(seq);
    }

    let sent = null; // what the last request asked, so leaving a field (a "change") drafts nothing new
    async function update() {
      const body = ask();
      const key = JSON.stringify(body);
      if (key === sent) return;
      sent = key;
      const mine = ++seq;
      if (controller) controller.abort();
      controller = new AbortController();
      status.textContent = "Drafting…";
      try {
        const data = await post("/api/preview", body, controller.signal);
        if (mine === seq) keepFocus(() => show(data));
      } catch (err) {
        if (err.name === "AbortError") return;
        if (mine === seq) { sent = null; status.textContent = err.message; }
      }
    }

    // A re-drafted message keeps the keyboard where it was: on the same finding, if it is still there.
    function keepFocus(render) {
      const active = document.activeElement;
      const mark = active && active.closest ? active.closest("#message mark") : null;
      const rule = mark ? mark.dataset.rule : null;
      render();
      if (rule) {
        const again = $("message").querySelector(`mark[data-rule="${CSS.escape(rule)}"]`);
        if (again) again.focus();
      }
    }

    form.addEventListener("input", (event) => { touched.add(event.target.name); save(); schedule(); });
    form.addEventListener("change", (event) => {
      touched.add(event.target.name);
      if (event.target.name === "goal" || event.target.name === "channel") variant = null;
      save();
      schedule(0);
    });
    for (const radio of document.querySelectorAll('input[name="stage"]')) {
      radio.addEventListener("change", () => { variant = null; showStage(); schedule(0); });
    }
    $("grammar").addEventListener("change", () => schedule(0));
    document.querySelector(".pack-choice").addEventListener("submit", save);
    $("copy").addEventListener("click", () => { if (last) copyText(last.text, $("copied")); });
    $("download").addEventListener("submit", (event) => {
      if (!last) { event.preventDefault(); return; }
      $("payload").value = JSON.stringify(ask());
    });
    restore();
    showStage();
    schedule(0);
  }

  // -- the Check page -----------------------------------------------------------------------------

  function checkPage() {
    const text = $("text");
    const status = $("status");
    let timer = null;
    let controller = null;
    let seq = 0;
    let checked = null;

    const ask = (fix) => ({ text: text.value, kind: $("kind").value, channel: $("channel").value,
      grammar: $("grammar").checked, fix: fix || null });

    function schedule(delay) {
      clearTimeout(timer);
      timer = setTimeout(() => run(null), delay === undefined ? 250 : delay);
    }

    function applyFix(finding, fix) {
      if (text.value !== checked) { schedule(0); return; }
      run({ offset: fix.offset, length: fix.length, replacement: fix.replacement }, { finding, fix });
    }

    function strategyList(list, items) {
      list.replaceChildren();
      for (const item of items) {
        const entry = el("li");
        entry.append(el("span", "label", item.label));
        if (item.words) entry.append(" ", el("q", null, item.words));
        entry.append(" ", el("span", "weight", (item.weight > 0 ? "+" : "") + item.weight.toFixed(2)));
        list.append(entry);
      }
      if (!items.length) list.append(el("li", "none", "none"));
    }

    function show(data, fixed) {
      checked = data.text;
      if (fixed) text.value = data.text;
      renderRuns($("marked"), data.runs, data.findings, applyFix, "c");
      renderFindingList($("findings"), data.findings, applyFix);
      $("copy").disabled = !data.text.trim();
      const polite = data.politeness;
      $("politeness").hidden = !polite;
      if (polite) {
        $("score-value").textContent = (polite.score > 0 ? "+" : "") + polite.score.toFixed(2);
        $("score-verdict").textContent = polite.verdict;
        $("score-meter").value = Math.max(-1.5, Math.min(1.5, polite.score));
        strategyList($("raised"), polite.raised);
        strategyList($("lowered"), polite.lowered);
      }
      const count = data.findings.length;
      if (fixed) status.textContent = `${describeChange(fixed.finding, fixed.fix)} ${count ? `${count} thing${count > 1 ? "s" : ""} left to look at.` : "Nothing left to fix."}`;
      else if (!data.text.trim()) status.textContent = "Write or paste a message to check it.";
      else status.textContent = count ? `Checked: ${count} thing${count > 1 ? "s" : ""} to look at.` : "Checked: nothing to fix.";
      $("marked").dataset.version = String(seq);
    }

    async function run(fix, finding) {
      const mine = ++seq;
      if (controller) controller.abort();
      controller = new AbortController();
      status.textContent = "Checking…";
      try {
        const data = await post("/api/check", ask(fix), controller.signal);
        if (mine === seq) show(data, fix ? finding : null);
      } catch (err) {
        if (err.name !== "AbortError" && mine === seq) status.textContent = err.message;
      }
    }

    text.addEventListener("input", () => schedule());
    for (const id of ["kind", "channel", "grammar"]) $(id).addEventListener("change", () => schedule(0));
    $("copy").addEventListener("click", () => copyText(text.value, $("copied")));
    if (text.value.trim()) schedule(0);
  }

  // -- the Campaign page --------------------------------------------------------------------------

  function campaignPage() {
    const form = $("campaign-form");
    const status = $("status");
    let upload = null;
    let campaign = null;

    function readFile(file) {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
        reader.onerror = () => reject(new Error("The file could not be read."));
        reader.readAsDataURL(file);
      });
    }

    function listInto(list, items) {
      list.replaceChildren();
      for (const item of items) list.append(el("li", null, item));
      list.hidden = items.length === 0;
    }

    function askValues() {
      const out = {};
      for (const node of $("g-the-ask").querySelectorAll("[name]")) out[node.name] = node.value;
      return out;
    }

    function showInvalid(invalid) {
      for (const node of $("g-the-ask").querySelectorAll(".error")) { node.hidden = true; node.textContent = ""; }
      for (const [path, message] of Object.entries(invalid || {})) {
        const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
        const error = $(`e-${slug}`);
        if (error) { error.textContent = message; error.hidden = false; }
      }
    }

    $("contacts-file").addEventListener("change", async (event) => {
      const file = event.target.files[0];
      upload = null;
      $("run").disabled = true;
      if (!file) return;
      const note = $("contacts-status");
      note.textContent = "Reading…";
      try {
        upload = { file_name: file.name, content: await readFile(file) };
        const data = await post("/api/campaign/contacts", { contacts: upload });
        if (data.error) { upload = null; note.textContent = data.error; return; }
        note.textContent = `${data.file}: ${data.format} (${data.encoding}), ${data.count} contact${data.count === 1 ? "" : "s"}.`;
        listInto($("contacts-list"), data.contacts.map((c) => [c.name, c.company, c.email].filter(Boolean).join(" · ")));
        listInto($("contacts-problems"), [...data.notes, ...data.problems]);
        if (!$("campaign-name").value) $("campaign-name").value = file.name.replace(/\.[^.]*$/, "");
        $("run").disabled = data.count === 0;
        status.textContent = data.count ? "Fill in what you ask, then draft." : "No contacts to draft for.";
      } catch (err) {
        upload = null;
        note.textContent = err.message;
      }
    });

    function showDraft(draft, index) {
      const item = el("li", "draft-item");
      const head = el("h3", null, `${draft.name} · ${draft.channel.replace(/-/g, " ")}${draft.file ? ` · ${draft.file}` : ""}`);
      item.append(head);
      if (draft.subject) {
        const subject = el("p", "subject-line");
        const words = el("span");
        renderRuns(words, draft.subject_runs, draft.findings, () => {}, `cs${index}`);
        subject.append(el("span", "label", "Subject "), words);
        item.append(subject);
      }
      const body = el("div", "body marked");
      renderRuns(body, draft.body_runs, draft.findings, () => {}, `cb${index}`);
      item.append(body);
      for (const note of draft.notes) item.append(el("p", "help", note));
      const list = el("ol", "findings");
      const wrap = el("div");
      wrap.append(list);
      renderFindingList(list, draft.findings, () => {});
      item.append(wrap);
      if (!draft.findings.length) item.append(el("p", "help", "Nothing to fix."));
      return item;
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!upload) return;
      $("run").disabled = true;
      status.textContent = "Drafting one request per contact…";
      try {
        const data = await post("/api/campaign/run", { contacts: upload, ask: askValues(), name: $("campaign-name").value, grammar: $("grammar").checked });
        showInvalid(data.invalid);
        if (data.invalid) { status.textContent = "Fix the fields marked above."; return; }
        if (data.error) { status.textContent = data.error; return; }
        campaign = data.campaign;
        $("campaign-name").value = data.campaign;
        $("summary").textContent = data.summary;
        $("folder").textContent = data.folder;
        listInto($("run-notes"), [...data.warnings, ...data.problems]);
        $("drafts").replaceChildren(...data.drafts.map(showDraft));
        $("review").hidden = false;
        status.textContent = `Drafted ${data.drafts.length} message${data.drafts.length === 1 ? "" : "s"} in campaign “${data.campaign}”.`;
      } catch (err) {
        status.textContent = err.message;
      } finally {
        $("run").disabled = !upload;
      }
    });

    $("sent-on").value = new Date().toISOString().slice(0, 10);
    $("mark-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!campaign) return;
      try {
        const data = await post("/api/campaign/mark", { campaign, on: $("sent-on").value });
        $("mark-status").textContent = data.error || `Marked ${data.marked} as sent on ${data.on}.`;
        refreshDue();
      } catch (err) {
        $("mark-status").textContent = err.message;
      }
    });

    async function refreshDue() {
      const note = $("due-status");
      try {
        const data = await post("/api/campaign/due", {});
        if (data.error) { note.textContent = data.error; return; }
        const rows = $("due-rows");
        rows.replaceChildren();
        for (const item of data.due) {
          const row = el("tr", item.now ? "due-now" : null);
          row.append(el("td", null, item.name), el("td", null, item.step), el("td", null, item.due_on), el("td", null, item.why));
          rows.append(row);
        }
        $("due-table").hidden = data.due.length === 0;
        const now = data.due.filter((item) => item.now).length;
        note.textContent = data.due.length ? `${now} due today (${data.today}), ${data.due.length - now} later.` : "Nobody is due a follow-up.";
      } catch (err) {
        note.textContent = err.message;
      }
    }
    $("due-refresh").addEventListener("click", refreshDue);
    refreshDue();
  }

  if (document.body.dataset.page === "draft") draftPage();
  if (document.body.dataset.page === "campaign") campaignPage();
  if (document.body.dataset.page === "check") checkPage();
  document.body.dataset.ready = "true";
})();
