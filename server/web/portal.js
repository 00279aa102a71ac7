// Strona mieszkańca: podpowiedzi (combobox.js), wyniki na żywo w trakcie pisania i opinia
// o artykule. The pages work without this file; it only adds to them. Loaded after
// combobox.js (both deferred, so in order). Text goes in with textContent; only snippets
// (escaped by the server, with <mark> added) use innerHTML.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var live = document.getElementById("wyniki");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function link(href, text) { var a = el("a", null, text); a.href = href; return a; }
  function searchUrl(q) { return "/szukaj?q=" + encodeURIComponent(q); }
  function plural(n, one, few, many) {
    var d = n % 10, t = n % 100;
    return n + " " + (n === 1 ? one : d >= 2 && d <= 4 && !(t >= 12 && t <= 14) ? few : many);
  }

  if (input) {
    wiedzaCombobox({
      input: input, container: input.parentNode, base: "", prefix: "q",
      choose: function (s) {
        if (s.id) { location.href = "/artykul/" + encodeURIComponent(s.id); return; }
        input.value = s.text;
        input.form.submit();
      }
    });
  }

  // Live results: the same parts as the server-rendered page, from /api/search.
  var timer = null, seq = 0, loadingTimer = null;
  var loadingNote = el("p", "loading-note", "Szukam…");
  loadingNote.setAttribute("role", "status");
  function card(routing) {
    var u = routing.unit, box = el("section", "card");
    box.setAttribute("aria-label", routing.intervention ? "Jak zgłosić problem" : "Kto pomoże w tej sprawie");
    box.appendChild(el("h2", null, routing.intervention ? "Jak zgłosić problem" : "Kto pomoże w tej sprawie"));
    box.appendChild(el("p", "unit-name", u.name));
    var dl = el("dl", "contact");
    [["Telefon", u.phone, "tel:" + (u.phone || "").replace(/[^0-9+]/g, "")], ["E-mail", u.email, "mailto:" + u.email],
     ["Adres", u.address], ["Godziny", u.hours]].forEach(function (row) {
      if (!row[1]) return;
      dl.appendChild(el("dt", null, row[0]));
      var dd = el("dd");
      dd.appendChild(row[2] ? link(row[2], row[1]) : document.createTextNode(row[1]));
      dl.appendChild(dd);
    });
    // The same row as the server-rendered card (contact_rows in portal_layout.cc).
    if (u.open_now) {
      dl.appendChild(el("dt", null, "Teraz"));
      dl.appendChild(el("dd", "open-now " + (u.open_now.open ? "open" : "closed"), u.open_now.text));
    }
    box.appendChild(dl);
    return box;
  }
  function helpline() {
    var box = el("section", "helpline");
    box.setAttribute("aria-label", "Centrum Kontaktu");
    box.appendChild(el("h2", null, "Centrum Kontaktu"));
    var p = el("p", null, "Nie ma tu odpowiedzi? Zadzwoń: ");
    p.appendChild(link("tel:126165555", "12 616 55 55"));
    p.appendChild(document.createTextNode(", pon.–pt. 7:00–20:00."));
    box.appendChild(p);
    return box;
  }
  // The same text as the server-rendered page (weak_notice_html in portal_search_page.cc).
  function weakNotice() {
    var box = el("div", "weak");
    box.setAttribute("role", "note");
    var first = el("p");
    first.appendChild(el("strong", null, "Nie mamy artykułu, który dobrze odpowiada na to pytanie."));
    first.appendChild(document.createTextNode(" Poniższe wyniki mogą dotyczyć innej sprawy."));
    box.appendChild(first);
    var second = el("p", null, "Zadzwoń do Centrum Kontaktu: ");
    second.appendChild(link("tel:126165555", "12 616 55 55"));
    second.appendChild(document.createTextNode(", pon.–pt. 7:00–20:00. Konsultant odpowie albo połączy Cię z właściwym urzędem."));
    box.appendChild(second);
    return box;
  }
  function render(q, data) {
    var primary = el("div", "primary"), aside = el("div", "aside"), columns = el("div", "columns");
    live.textContent = "";
    live.appendChild(el("h1", null, (data.results.length ? "Wyniki dla „" : "Nic nie znaleziono dla „") + q + "”"));
    if (data.corrected) {
      var c = el("p", "corrected", "Czy chodziło Ci o: ");
      c.appendChild(link(searchUrl(data.corrected), data.corrected));
      c.appendChild(document.createTextNode("?"));
      primary.appendChild(c);
    }
    if (data.results.length && data.weak) primary.appendChild(weakNotice());
    if (data.results.length) {
      primary.insertBefore(el("p", "count", "Znaleziono " + (data.total_exact ? "" : "około ") + plural(data.total, "artykuł", "artykuły", "artykułów") + "."),
                           primary.firstChild);
      var ol = el("ol", "results");
      data.results.forEach(function (r) {
        var li = el("li", "result"), h = el("h2");
        h.appendChild(link("/artykul/" + encodeURIComponent(r.id), r.title));
        li.appendChild(h);
        var snippet = el("p", "snippet");
        snippet.innerHTML = r.snippet;  // escaped by the server; only <mark> is markup
        li.appendChild(snippet);
        if (r.summary) li.appendChild(el("p", "summary", r.summary));
        li.appendChild(el("p", "meta", r.category.name + " · " + r.unit.name));
        ol.appendChild(li);
      });
      primary.appendChild(ol);
      if (data.total > data.results.length) {
        var more = el("p", "pages");
        more.appendChild(link(searchUrl(q) + "&offset=" + data.results.length, "Następne ›"));
        primary.appendChild(more);
      }
    } else {
      primary.appendChild(el("p", "empty", "Sprawdź pisownię albo opisz sprawę innymi słowami, np. „wywóz śmieci”."));
    }
    if (data.routing) aside.appendChild(card(data.routing));
    aside.appendChild(helpline());
    columns.appendChild(primary);
    columns.appendChild(aside);
    live.appendChild(columns);
  }
  function liveSearch() {
    var q = input.value.trim();
    if (!q) { showStart(); return; }
    if (q.length < 2) return;
    var mine = ++seq;
    // On a slow network the resident sees that the search is on its way, and the old
    // results are dimmed (they belong to what was typed before).
    clearTimeout(loadingTimer);
    loadingTimer = setTimeout(function () {
      if (mine !== seq) return;
      live.setAttribute("aria-busy", "true");
      if (!loadingNote.parentNode) live.insertBefore(loadingNote, live.firstChild);
    }, 300);
    // Not recorded while typing: the editors' report counts the search the resident
    // submits (the server-rendered page records it).
    fetch("/api/search?limit=10&record=false&q=" + encodeURIComponent(q))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        if (mine !== seq) return;  // a newer query is on its way
        doneLoading();
        render(q, data);
        history.replaceState(null, "", searchUrl(q));
        document.title = "Wyniki: " + q + " – Informacje dla mieszkańców";
      })
      .catch(function () {
        // The results on screen belong to another query: say so instead of keeping them.
        if (mine !== seq) return;
        doneLoading();
        live.textContent = "";
        var box = el("div", "empty");
        box.setAttribute("role", "alert");
        box.appendChild(el("p", null, "Nie udało się pobrać wyników dla „" + q + "”. Sprawdź połączenie i naciśnij „Szukaj”, " +
                                      "aby spróbować ponownie."));
        live.appendChild(box);
        live.appendChild(helpline());
      });
  }
  // An emptied box: back to the start page, its title and address included (the same
  // text as render_search_form_page in portal_search_page.cc).
  function doneLoading() {
    clearTimeout(loadingTimer);
    live.removeAttribute("aria-busy");
    if (loadingNote.parentNode) loadingNote.parentNode.removeChild(loadingNote);
  }
  function showStart() {
    ++seq;
    doneLoading();
    live.textContent = "";
    live.appendChild(el("h1", null, "Wyszukaj informacje"));
    live.appendChild(el("p", null, "Wpisz, czego dotyczy Twoja sprawa, np. „zgubiłem dowód osobisty”, „nie odebrali śmieci”, " +
                                   "„dziura w jezdni”. Znajdziesz opis sprawy i urząd, który w niej pomoże."));
    live.appendChild(helpline());
    history.replaceState(null, "", "/szukaj");
    document.title = "Szukaj – Informacje dla mieszkańców";
  }
  if (input && live) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(liveSearch, 400);
    });
  }

  // "Czy ta informacja była pomocna?" needs JavaScript to send, so it is shown only here.
  var feedback = document.getElementById("opinia");
  if (feedback) {
    var statusEl = document.getElementById("opinia-status");
    var sent = false;
    feedback.hidden = false;
    Array.prototype.forEach.call(feedback.querySelectorAll("button"), function (b) {
      b.addEventListener("click", function () {
        if (sent) return;
        fetch("/api/feedback", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ article: feedback.getAttribute("data-article"), event: b.getAttribute("data-event"),
                                 source: "portal" })
        }).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          sent = true;
          Array.prototype.forEach.call(feedback.querySelectorAll("button"), function (other) {
            other.setAttribute("aria-pressed", other === b ? "true" : "false");
          });
          statusEl.textContent = "Dziękujemy za opinię.";
        }).catch(function () { statusEl.textContent = "Nie udało się wysłać opinii. Spróbuj ponownie później."; });
      });
    });
  }
})();
