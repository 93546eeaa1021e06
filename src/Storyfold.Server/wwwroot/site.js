// Storyfold's little script: keyboard navigation and adding articles. The pages work without it, except for adding.
(() => {
  "use strict";

  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  // j / k move between the items of the page's main list; Enter opens the current one; / focuses search.
  let current = -1;
  const items = () => Array.from(document.querySelectorAll("[data-nav-item]"));
  const select = (index) => {
    const list = items();
    if (list.length === 0) return;
    current = Math.max(0, Math.min(list.length - 1, index));
    list.forEach((item, i) => item.classList.toggle("is-current", i === current));
    const link = list[current].querySelector("a[href]");
    if (link) link.focus({ preventScroll: true });
    list[current].scrollIntoView({ block: "nearest", behavior: "smooth" });
  };

  // Every key this script offers acts on keydown, by its own code: the browser's own Enter actions (activating a
  // focused link, submitting a form) come from the later keypress, which some browsers and automation drop.
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target instanceof Element ? event.target : null;
    if (event.key === "Enter" && target && target.matches("input[type=search]") && target.form) {
      // Enter in a search box searches: the form's own submit, so its checks and any submit handlers still run.
      event.preventDefault();
      target.form.requestSubmit();
      return;
    }
    if (typing(target)) return;
    if (event.key === "/") {
      const search = document.getElementById("search-q") || document.getElementById("site-search");
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    } else if (event.key === "j") {
      select(current + 1);
    } else if (event.key === "k") {
      select(current < 0 ? 0 : current - 1);
    } else if (event.key === "Enter" && current >= 0) {
      // Enter opens the current item, wherever focus is (a click elsewhere on the page, a browser without focus),
      // unless the reader has moved focus to another link or a button: then that one keeps its own Enter.
      const link = items()[current]?.querySelector("a[href]");
      const control = target?.closest("a[href], button");
      if (link && (!control || control === link)) {
        event.preventDefault();
        window.location.assign(link.href);
      }
    }
  });

  // Adding articles: the form posts one article; dropped files post their articles; both as JSON to /api/articles.
  const form = document.getElementById("add-form");
  if (!form) return;
  const status = document.getElementById("add-status");
  const keyInput = document.getElementById("add-key");
  if (keyInput) keyInput.value = sessionStorage.getItem("storyfold-key") || "";

  const newId = () => "web-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  const show = (html) => { status.innerHTML = html; };

  const post = async (articles) => {
    const headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (keyInput && keyInput.value) {
      sessionStorage.setItem("storyfold-key", keyInput.value);
      headers["Authorization"] = "Bearer " + keyInput.value;
    }
    show("Adding…");
    let response;
    try {
      response = await fetch("/api/articles", { method: "POST", headers, body: JSON.stringify(articles) });
    } catch (error) {
      show(`<p class="bad">Could not reach the server: ${escape(error.message)}</p>`);
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const details = body.errors ? Object.entries(body.errors).map(([k, v]) => `<li>${escape(k)}: ${escape([].concat(v).join("; "))}</li>`).join("") : "";
      show(`<p class="bad">${escape(body.title || "Not added")}: ${escape(body.detail || response.statusText)}</p>${details ? `<ul>${details}</ul>` : ""}`);
      return;
    }
    const stored = (body.articles || []).filter((a) => a.story_id);
    const links = stored.slice(0, 10).map((a) =>
      `<li><a href="/stories/${encodeURIComponent(a.story_id)}" class="added-story">Open the story of ${escape(a.id)}</a></li>`).join("");
    const problems = (body.problems || []).map((p) => `<li>${p.line ? "article " + p.line + ": " : ""}${escape(p.message)}</li>`).join("");
    show(`<p class="ok">Added ${body.added} article${body.added === 1 ? "" : "s"}` +
      `${body.unchanged ? `, ${body.unchanged} already stored` : ""}${body.rejected ? `, ${body.rejected} rejected` : ""}.</p>` +
      (links ? `<ul>${links}</ul>` : "") + (problems ? `<ul class="bad">${problems}</ul>` : ""));
    if (body.added > 0) form.reset();
    if (keyInput) keyInput.value = sessionStorage.getItem("storyfold-key") || "";
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const article = { id: newId(), title: data.get("title"), text: data.get("text") };
    for (const field of ["source", "published", "url", "language"]) {
      const value = (data.get(field) || "").trim();
      if (value) article[field] = value;
    }
    post([article]);
  });

  // Files: .jsonl one article a line, .json an article or an array, .txt one article (first line may be "date YYYY-MM-DD").
  const readFiles = async (files) => {
    const articles = [];
    for (const file of files) {
      const text = await file.text();
      const name = file.name.toLowerCase();
      try {
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
          text.split(/\r?\n/).filter((l) => l.trim()).forEach((l) => articles.push(JSON.parse(l)));
        } else if (name.endsWith(".json")) {
          const parsed = JSON.parse(text);
          (Array.isArray(parsed) ? parsed : [parsed]).forEach((a) => articles.push(a));
        } else {
          const match = text.match(/^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/);
          articles.push({ id: file.name.replace(/\.[^.]+$/, ""), text: match ? text.slice(match[0].length) : text, ...(match ? { published: match[1] } : {}) });
        }
      } catch (error) {
        show(`<p class="bad">${escape(file.name)}: not valid JSON (${escape(error.message)})</p>`);
        return;
      }
    }
    if (articles.length) post(articles);
  };

  const zone = document.getElementById("drop-zone");
  const picker = document.getElementById("add-files");
  zone.addEventListener("click", () => picker.click());
  zone.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); picker.click(); } });
  picker.addEventListener("change", () => readFiles(picker.files));
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (e) => { e.preventDefault(); zone.classList.add("is-over"); }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("is-over")));
  zone.addEventListener("drop", (e) => { e.preventDefault(); readFiles(e.dataTransfer.files); });
})();
