// Konsola konsultanta: wyszukiwanie w trakcie pisania, obsługa klawiaturą, karta przełączenia.
// Everything user-controlled is inserted with textContent; only snippets (escaped by the
// server, with <mark> added) use innerHTML.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var form = document.getElementById("search-form");
  var statusEl = document.getElementById("status");
  var correctedEl = document.getElementById("corrected");
  var filtersEl = document.getElementById("filters");
  var categoryEl = document.getElementById("category");
  var moreEl = document.getElementById("more");
  var recentEl = document.getElementById("recent");
  var resultsEl = document.getElementById("results");
  var articleEl = document.getElementById("article");
  var routingEl = document.getElementById("routing");
  var KIND = { informacja: "informacja", sprawa: "sprawa", interwencja: "interwencja" };

  var state = { results: [], total: 0, selected: -1, category: null, seq: 0, timer: null, settleTimer: null,
                recorded: null, routing: null, article: null };
  var PAGE = 10;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // Polish counting: 1 artykuł, 2–4 artykuły (not 12–14), 5 artykułów.
  function plural(n, one, few, many) {
    var last = n % 10, lastTwo = n % 100;
    return n + " " + (n === 1 ? one : last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14) ? few : many);
  }
  // "2026-03-27" → "27 marca 2026", as the portal writes dates.
  var MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                "października", "listopada", "grudnia"];
  function polishDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : iso;
  }

  function scheduleSearch() {
    clearTimeout(state.timer);
    state.timer = setTimeout(search, 150);
  }

  // What the consultant typed so far is not a question yet: live searches are not
  // recorded for the editors' report. A search is recorded once it settles (a pause of
  // SETTLE_MS, Enter, or opening a result), by asking once more without record=false
  // (the server answers a repeated search from its cache).
  var SETTLE_MS = 2000;
  function searchUrl() {
    var url = "/api/search?limit=" + PAGE + "&q=" + encodeURIComponent(input.value.trim());
    if (state.category) url += "&category=" + encodeURIComponent(state.category);
    return url;
  }

  function settle() {
    clearTimeout(state.settleTimer);
    var url = searchUrl();
    if (!input.value.trim()) return Promise.resolve(null);
    if (state.recorded && state.recorded.url === url) return state.recorded.id;
    remember(input.value.trim());
    var id = fetch(url).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { return data ? data.search_id : null; })
      .catch(function () { return null; });
    state.recorded = { url: url, id: id };
    return id;
  }

  function search() {
    var q = input.value.trim();
    if (!q) { clearAll(); return; }
    var seq = ++state.seq;
    var url = searchUrl();
    clearTimeout(state.settleTimer);
    loading(seq);
    fetch(url + "&record=false").then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        if (seq !== state.seq) return;  // a newer query is already on its way
        loaded();
        if (!res.ok) { showError(res.body && res.body.error); return; }
        render(res.body);
        state.settleTimer = setTimeout(settle, SETTLE_MS);
      })
      .catch(function () { if (seq === state.seq) { loaded(); showError(null); } });
  }

  // On a slow network: after LOADING_MS without an answer the status says so and the
  // previous results are dimmed (they belong to another query), never left as if current.
  var LOADING_MS = 300;
  function loading(seq) {
    clearTimeout(state.loadingTimer);
    state.loadingTimer = setTimeout(function () {
      if (seq !== state.seq) return;
      statusEl.textContent = "Szukam…";
      resultsEl.setAttribute("aria-busy", "true");
      document.body.classList.add("loading");
    }, LOADING_MS);
  }
  function loaded() {
    clearTimeout(state.loadingTimer);
    resultsEl.removeAttribute("aria-busy");
    document.body.classList.remove("loading");
  }

  // A failed search leaves nothing of the previous one on screen (a consultant could read
  // an old card aloud), and says what happened in Polish; the server's English message is
  // for developers.
  function showError(error) {
    clearTimeout(state.settleTimer);
    state.results = []; state.total = 0; state.selected = -1; state.routing = null; state.article = null;
    resultsEl.textContent = ""; filtersEl.hidden = true; moreEl.hidden = true; correctedEl.hidden = true;
    renderRouting(null, false);
    var code = error && error.code;
    statusEl.textContent =
      !error ? "Brak połączenia z serwerem Wiedzy. Sprawdź sieć i spróbuj ponownie."
      : code === "bad_request" && /longer than/.test(error.message) ? "Pytanie jest za długie: skróć je do 500 znaków."
      : code === "busy" || code === "index_unavailable" ? "Serwer jest chwilowo zajęty. Spróbuj ponownie za kilka sekund."
      : "Wyszukiwanie nie powiodło się. Spróbuj ponownie albo zmień pytanie.";
  }

  function clearAll() {
    state.seq++;
    loaded();
    clearTimeout(state.settleTimer);
    state.results = []; state.total = 0; state.selected = -1; state.category = null; state.routing = null;
    state.article = null;
    resultsEl.textContent = ""; resultsEl.removeAttribute("tabindex");
    filtersEl.hidden = true; moreEl.hidden = true; correctedEl.hidden = true;
    statusEl.textContent = "Wpisz pytanie mieszkańca.";
    renderRouting(null, false);
    renderRecent();
  }

  // The last few searches of this browser tab, for a caller who asks again; kept in
  // sessionStorage (gone with the tab) and never sent anywhere.
  var RECENT_KEY = "wiedza.console.recent", RECENT_MAX = 8;
  function recentList() {
    try { return JSON.parse(sessionStorage.getItem(RECENT_KEY) || "[]"); } catch (e) { return []; }
  }
  function remember(q) {
    if (!q) return;
    var list = recentList().filter(function (x) { return x !== q; });
    list.unshift(q);
    try { sessionStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, RECENT_MAX))); } catch (e) { /* full or off */ }
  }
  function renderRecent() {
    var list = recentList(), ul = recentEl.querySelector("ul");
    ul.textContent = "";
    recentEl.hidden = !list.length || !!input.value.trim();
    list.forEach(function (q) {
      var b = el("button", null, q);
      b.type = "button";
      b.addEventListener("click", function () { input.value = q; recentEl.hidden = true; search(); input.focus(); });
      var li = el("li");
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  function render(data) {
    recentEl.hidden = true;
    state.article = null;
    state.results = data.results.slice(); state.total = data.total; state.selected = data.results.length ? 0 : -1;
    statusEl.textContent = !data.results.length ? "Nic nie znaleziono. Sprawdź pisownię lub użyj innych słów."
      : data.weak ? "Brak pewnej odpowiedzi – wyniki (" + data.total + ") mogą nie dotyczyć tej sprawy."
      : "Znaleziono " + (data.total_exact ? "" : "około ") + plural(data.total, "artykuł", "artykuły", "artykułów") + ".";
    renderCorrected(data.corrected);
    renderFilters(data.facets.category, data.total);
    resultsEl.textContent = "";
    appendResults(data.results, 0);
    resultsEl.setAttribute("role", "listbox");
    if (data.results.length) resultsEl.tabIndex = 0; else resultsEl.removeAttribute("tabindex");
    state.routing = data.routing;
    renderRouting(data.routing, data.weak && data.results.length > 0);
  }

  function renderMore() {
    var left = state.total - state.results.length;
    moreEl.hidden = left <= 0;
    moreEl.textContent = "Pokaż więcej wyników (" + plural(left, "pozostał", "pozostały", "pozostało") + ")";
  }

  // More results on demand: the next page of the same ranking (not recorded again).
  function loadMore() {
    var seq = state.seq, from = state.results.length;
    moreEl.disabled = true;
    fetch(searchUrl() + "&offset=" + from + "&record=false").then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        moreEl.disabled = false;
        if (seq !== state.seq || !data) return;
        state.results = state.results.concat(data.results);
        appendResults(data.results, from);
        select(from);
      })
      .catch(function () { moreEl.disabled = false; });
  }

  function appendResults(list, start) {
    list.forEach(function (r, j) {
      var i = start + j;
      var li = el("li", "result");
      li.id = "result-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === state.selected ? "true" : "false");
      li.appendChild(el("h3", null, r.title));
      if (r.summary) li.appendChild(el("p", "summary", r.summary));
      var snippet = el("p", "snippet");
      snippet.innerHTML = r.snippet;  // escaped by the server; only <mark> is markup
      li.appendChild(snippet);
      var meta = el("p", "meta");
      meta.appendChild(el("span", "badge " + (KIND[r.kind] || ""), r.kind));
      meta.appendChild(document.createTextNode(r.unit.name + " · " + r.category.name));
      li.appendChild(meta);
      li.addEventListener("click", function () { select(i); openSelected(); });
      resultsEl.appendChild(li);
    });
    renderMore();
  }

  function renderCorrected(corrected) {
    correctedEl.textContent = "";
    if (!corrected) { correctedEl.hidden = true; return; }
    correctedEl.hidden = false;
    correctedEl.appendChild(document.createTextNode("Czy chodziło Ci o: "));
    var b = el("button", null, corrected);
    b.type = "button";
    b.addEventListener("click", function () { input.value = corrected; search(); input.focus(); });
    correctedEl.appendChild(b);
    correctedEl.appendChild(document.createTextNode("?"));
  }

  // One control for the category filter: one line above the results and one Tab stop
  // (eight buttons pushed the first result down and came before it in Tab order).
  function renderFilters(categories, total) {
    categoryEl.textContent = "";
    filtersEl.hidden = !categories || categories.length < 2 && !state.category;
    var all = el("option", null, "Wszystkie kategorie" + (state.category ? "" : " (" + total + ")"));
    all.value = "";
    categoryEl.appendChild(all);
    (categories || []).forEach(function (c) {
      var o = el("option", null, c.name + " (" + c.count + ")");
      o.value = c.id;
      categoryEl.appendChild(o);
    });
    categoryEl.value = state.category || "";
  }

  // The transfer card: the search's routing hint, or (once the consultant opens a result)
  // the unit of the article being read, so that the card never contradicts the screen.
  function renderRouting(routing, weak) {
    routingEl.textContent = "";
    routingEl.appendChild(el("h2", null, "Przełączenie"));
    if (weak) {
      var note = el("div", "weak");
      note.setAttribute("role", "note");
      note.appendChild(el("p", "weak-title", "Nie ma tego w bazie."));
      note.appendChild(el("p", null, "Żaden artykuł nie odpowiada dobrze na to pytanie, więc nie ma podpowiedzi przełączenia. " +
        "Nie przełączaj na podstawie tych wyników: zapisz notatkę ze zgłoszeniem albo zapytaj drugą linię."));
      routingEl.appendChild(note);
      return;
    }
    if (!routing) {
      routingEl.appendChild(el("p", "placeholder",
        "Brak podpowiedzi. Jeśli baza nie odpowiada na pytanie, zapisz je i poproś o kontakt zwrotny."));
      return;
    }
    unitCard(routing.unit, routing.intervention, routing.answerable);
    if (routing.differs_from_top && routing.reason) routingEl.appendChild(el("p", "reason", routing.reason));
    routingEl.appendChild(el("p", "confidence", "Pewność: " + Math.min(99, Math.round(routing.confidence * 100)) + "%"));
    if (routing.alternatives && routing.alternatives.length) {
      routingEl.appendChild(el("p", "confidence", "Inne możliwości:"));
      var ul = el("ul", "alternatives");
      // Each with its phone (a link that dials) and whether it is open now.
      routing.alternatives.forEach(function (alt) {
        var li = el("li", null, alt.unit.name + " (" + Math.round(alt.confidence * 100) + "%)");
        if (alt.unit.phone) {
          li.appendChild(document.createTextNode(" "));
          var call = el("a", "alt-phone", alt.unit.phone);
          call.href = "tel:" + alt.unit.phone.replace(/\s+/g, "");
          li.appendChild(call);
        }
        if (alt.unit.open_now) li.appendChild(el("span", "open-now " + (alt.unit.open_now.open ? "open" : "closed"), " " + alt.unit.open_now.text));
        ul.appendChild(li);
      });
      routingEl.appendChild(ul);
    }
  }

  function unitCard(u, intervention, answerable) {
    routingEl.appendChild(el("p", "unit-name", u.name));
    // A report of a problem is always passed on; only other matters can be answered here.
    if (intervention) routingEl.appendChild(el("p", null, "Zgłoszenie interwencji – przekaż do tej jednostki."));
    else if (answerable) routingEl.appendChild(el("p", "answerable", "Odpowiedź jest w artykule – możesz jej udzielić bez przełączania."));
    var dl = el("dl");
    [["Telefon", u.phone], ["Godziny", u.hours], ["E-mail", u.email], ["Adres", u.address]].forEach(function (row) {
      if (!row[1]) return;
      dl.appendChild(el("dt", null, row[0]));
      dl.appendChild(el("dd", row[0] === "Telefon" || row[0] === "E-mail" ? "nowrap" : null, row[1]));
    });
    // Open now, from the unit's structured hours (in Europe/Warsaw, judged by the server).
    var closed = u.open_now && !u.open_now.open;
    if (u.open_now) {
      dl.appendChild(el("dt", null, "Teraz"));
      dl.appendChild(el("dd", "open-now " + (closed ? "closed" : "open"), u.open_now.text));
    }
    routingEl.appendChild(dl);
    if (closed) {
      var warn = el("p", "closed-warning", "Jednostka jest teraz zamknięta – przełączenie nie zostanie odebrane. " +
        "Podaj godziny otwarcia albo przyjmij zgłoszenie.");
      warn.setAttribute("role", "note");
      routingEl.appendChild(warn);
    }
    if (u.phone) {
      // The label may wrap in a narrow card; the number never does.
      var a = el("a", closed ? "transfer closed" : "transfer", closed ? "Zadzwoń mimo to: " : "Przełącz: ");
      a.appendChild(el("span", "nowrap", u.phone));
      a.href = "tel:" + u.phone.replace(/\s+/g, "");
      routingEl.appendChild(a);
    }
    copyControls();
  }

  // The card for an opened article: its own unit, and what the search suggested if that
  // was someone else.
  function renderArticleUnit(a) {
    if (!a.unit || !a.unit.name) return;
    routingEl.textContent = "";
    routingEl.appendChild(el("h2", null, "Przełączenie"));
    routingEl.appendChild(el("p", "card-source", "Jednostka otwartego artykułu"));
    unitCard(a.unit, a.kind === "interwencja", a.kind === "informacja");
    var hint = state.routing;
    if (hint && hint.unit && hint.unit.id !== a.unit.id) {
      routingEl.appendChild(el("p", "reason", "Wyszukiwanie wskazywało: " + hint.unit.name + "."));
    }
  }

  function select(i) {
    if (!state.results.length) return;
    state.selected = Math.max(0, Math.min(state.results.length - 1, i));
    Array.prototype.forEach.call(resultsEl.children, function (li, j) {
      li.setAttribute("aria-selected", j === state.selected ? "true" : "false");
    });
    var li = document.getElementById("result-" + state.selected);
    if (li) {
      li.scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", li.id);
      resultsEl.setAttribute("aria-activedescendant", li.id);
    }
  }

  function openSelected() {
    var r = state.results[state.selected];
    if (!r) return;
    // Opening a result settles the search: recorded first, so that the open is linked to it.
    var searchId = settle();
    searchId.then(function (id) { sendFeedback(r.id, "open", id); });
    fetch("/api/articles/" + encodeURIComponent(r.id)).then(function (res) { return res.json(); })
      .then(function (a) { searchId.then(function (id) { renderArticle(a, id); }); })
      .catch(function () { articleEl.textContent = "Nie udało się otworzyć artykułu."; });
  }

  // Light Markdown: paragraphs separated by a blank line, "- " lists, **bold**.
  function renderBody(body, container) {
    body.split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n");
      var isList = lines.every(function (l) { return /^\s*[-*] /.test(l); });
      if (isList) {
        var ul = el("ul");
        lines.forEach(function (l) { var li = el("li"); inline(l.replace(/^\s*[-*] /, ""), li); ul.appendChild(li); });
        container.appendChild(ul);
      } else {
        var p = el("p");
        lines.forEach(function (l, i) {
          if (i) p.appendChild(el("br"));
          if (/^\s*[-*] /.test(l)) { p.appendChild(document.createTextNode("• ")); l = l.replace(/^\s*[-*] /, ""); }
          inline(l, p);
        });
        container.appendChild(p);
      }
    });
  }

  function inline(text, parent) {
    text.split("**").forEach(function (part, i) {
      parent.appendChild(i % 2 ? el("strong", null, part) : document.createTextNode(part));
    });
  }

  // Feedback feeds the editors' content-gaps report; losing one is harmless, so errors
  // are not shown to the consultant mid-call.
  function sendFeedback(article, event, searchId) {
    var body = { article: article, event: event, source: "console" };
    if (searchId !== null && searchId !== undefined) body.search_id = searchId;
    return fetch("/api/feedback", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (res) { return res.ok; }).catch(function () { return false; });
  }

  function renderRating(a, searchId) {
    var box = el("div", "rating");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Ocena artykułu");
    box.appendChild(el("span", null, "Czy artykuł był przydatny? "));
    var confirmation = el("p", "rating-status");
    confirmation.setAttribute("role", "status");
    confirmation.setAttribute("aria-live", "polite");
    [["przydatne", "helpful"], ["nieprzydatne", "unhelpful"]].forEach(function (choice) {
      var b = el("button", null, choice[0]);
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", function () {
        sendFeedback(a.id, choice[1], searchId).then(function (ok) {
          confirmation.textContent = ok ? "Dziękujemy za opinię." : "Nie udało się zapisać opinii.";
          if (!ok) return;
          Array.prototype.forEach.call(box.querySelectorAll("button"), function (other) {
            other.setAttribute("aria-pressed", other === b ? "true" : "false");
          });
        });
      });
      box.appendChild(b);
    });
    box.appendChild(confirmation);
    return box;
  }

  function renderArticle(a, searchId) {
    state.article = a;
    articleEl.textContent = "";
    articleEl.appendChild(el("h2", null, a.title));
    if (a.summary) articleEl.appendChild(el("p", "lead", a.summary));
    renderBody(a.body || "", articleEl);
    var meta = el("p", "meta", a.unit.name + " · " + a.category.name + (a.updated ? " · zaktualizowano " + polishDate(a.updated) : ""));
    articleEl.appendChild(meta);
    articleEl.appendChild(renderRating(a, searchId));
    renderArticleUnit(a);
    // Focus moves to the article for screen readers, but the page must not scroll: the
    // search box stays on screen mid-call.
    articleEl.focus({ preventScroll: true });
  }

  // Copy the answer (Alt+C, or the card's button): the open article's summary, else the
  // selected result's, with the unit to contact, its phone, hours and whether it is open.
  function answerText() {
    var a = state.article, r = state.results[state.selected];
    var title = a ? a.title : r && r.title, summary = a ? a.summary : r && r.summary;
    var u = a && a.unit && a.unit.name ? a.unit : state.routing && state.routing.unit;
    if (!title) return "";
    var lines = [title];
    if (summary) lines.push(summary);
    if (u) {
      var contact = [u.name];
      if (u.phone) contact.push("tel. " + u.phone);
      if (u.hours) contact.push(u.hours);
      if (u.open_now) contact.push(u.open_now.text);
      lines.push("Kontakt: " + contact.join(", "));
    }
    return lines.join("\n");
  }
  function copyAnswer() {
    var text = answerText();
    var done = function (ok) {
      var note = routingEl.querySelector(".copy-status");
      if (note) note.textContent = ok ? "Skopiowano odpowiedź do schowka." : "Nie udało się skopiować – zaznacz tekst ręcznie.";
    };
    if (!text) return;
    // The asynchronous clipboard needs a secure context (https or localhost); elsewhere
    // a selected textarea and the older copy command.
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      return;
    }
    var area = el("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    input.focus({ preventScroll: true });
    done(ok);
  }
  function copyControls() {
    var b = el("button", "copy", "Kopiuj odpowiedź (Alt+C)");
    b.type = "button";
    b.addEventListener("click", copyAnswer);
    routingEl.appendChild(b);
    var note = el("p", "copy-status");
    note.setAttribute("role", "status");
    routingEl.appendChild(note);
  }

  categoryEl.addEventListener("change", function () { state.category = categoryEl.value || null; search(); });
  moreEl.addEventListener("click", loadMore);
  // The results list is one Tab stop after the search box, with the same keys.
  resultsEl.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); select(state.selected + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); select(state.selected - 1); }
    else if (e.key === "Enter") { e.preventDefault(); openSelected(); }
  });
  input.addEventListener("input", function () { state.category = null; if (!input.value.trim()) renderRecent(); scheduleSearch(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(state.timer); search(); settle(); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); select(state.selected + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); select(state.selected - 1); }
    else if (e.key === "Enter" && state.results.length) { e.preventDefault(); openSelected(); }
    else if (e.key === "Escape") { e.preventDefault(); input.value = ""; clearAll(); articleEl.textContent = ""; }
  });
  document.addEventListener("keydown", function (e) {
    var typing = document.activeElement === input;
    if (e.altKey && (e.key === "c" || e.key === "C" || e.code === "KeyC")) {
      e.preventDefault(); copyAnswer();
    } else if ((e.key === "/" && !typing) || (e.key === "k" && (e.ctrlKey || e.metaKey))) {
      e.preventDefault(); input.focus(); input.select();
    } else if (e.key === "Escape" && !typing) {
      input.focus();
    }
  });
  // The sticky header's height, for what sticks or scrolls below it (console.css).
  function measureHeader() {
    document.documentElement.style.setProperty("--top-h", document.querySelector(".top").offsetHeight + "px");
  }
  measureHeader();
  window.addEventListener("resize", measureHeader);
  input.focus();
  renderRecent();
  // Deep link: /?q=... opens the console with that search.
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; search(); }
})();
