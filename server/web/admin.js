// Panel redakcji: raport luk w treści i edycja artykułów. The editor's token lives in
// sessionStorage only (gone when the tab closes) and goes out as a bearer header; all
// server text is inserted with textContent.
(function () {
  "use strict";
  var TOKEN_KEY = "wiedza.editorToken";
  var FIELDS = ["id", "title", "summary", "body", "category", "unit", "kind", "keywords", "updated", "url"];
  var $ = function (id) { return document.getElementById(id); };
  var loginEl = $("login"), appEl = $("app"), logoutEl = $("logout");
  var reportEl = $("report"), reportStatus = $("report-status");
  var editor = $("editor"), editorMessage = $("editor-message");
  var current = null;  // the article as loaded (unknown fields are kept on save), or null for a new one

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  // fetch with the bearer token; resolves to {status, body} (body null when empty).
  function api(method, path, body) {
    var init = { method: method, headers: { "Authorization": "Bearer " + token() } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
        if (res.status === 401 || res.status === 403) sessionExpired(parsed);
        return { status: res.status, body: parsed };
      });
    });
  }

  // The API speaks English to developers; editors read Polish. Known codes and validation
  // reasons are translated; anything else names the code rather than showing English.
  var CODES = {
    busy: "trwa inny zapis (przeindeksowanie albo edycja), spróbuj za kilka sekund",
    index_locked: "indeks jest zajęty przez inny zapis, spróbuj za kilka sekund",
    write_failed: "zapis się nie udał, nic nie zostało zmienione",
    still_referenced: "ten element jest jeszcze używany przez artykuły",
    not_found: "nie ma takiego elementu",
    invalid_article: "popraw zaznaczone pola",
    invalid_json: "serwer nie zrozumiał danych",
    unauthorized: "brak tokenu redaktora",
    forbidden: "token nie został przyjęty",
    read_only: "serwer działa bez możliwości edycji"
  };
  function errorMessage(body) {
    var code = body && body.error && body.error.code;
    return CODES[code] || (code ? "serwer odrzucił zmianę (kod: " + code + ")" : "nieznany błąd");
  }
  var REASONS = [
    [/^must not be empty$/, function () { return "Pole nie może być puste."; }],
    [/^is required$/, function () { return "To pole jest wymagane."; }],
    [/^must be a date YYYY-MM-DD \(got '(.*)'\)$/, function (m) { return "Podaj datę w postaci RRRR-MM-DD (jest: „" + m[1] + "”)."; }],
    [/^must be one of (.*) \(got '(.*)'\)$/, function (m) { return "Wybierz jedno z: " + m[1] + " (jest: „" + m[2] + "”)."; }],
    [/^must start with http:\/\/ or https:\/\//, function () { return "Adres musi zaczynać się od http:// albo https://."; }],
    [/^unknown category '(.*)'/, function (m) { return "Nie ma kategorii „" + m[1] + "”."; }],
    [/^unknown unit '(.*)'/, function (m) { return "Nie ma jednostki „" + m[1] + "”."; }]
  ];
  function polishReason(reason) {
    for (var i = 0; i < REASONS.length; ++i) {
      var m = REASONS[i][0].exec(reason || "");
      if (m) return REASONS[i][1](m);
    }
    return "Nieprawidłowa wartość.";
  }

  // --- logowanie ---
  function showApp(loggedIn) {
    loginEl.hidden = loggedIn; appEl.hidden = !loggedIn; logoutEl.hidden = !loggedIn;
  }

  function sessionExpired(body) {
    sessionStorage.removeItem(TOKEN_KEY);
    showApp(false);
    $("login-error").textContent = "Token nie został przyjęty. Sprawdź go i zaloguj się ponownie.";
    $("token").focus();
  }

  $("login-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var value = $("token").value.trim();
    if (!value) { $("login-error").textContent = "Wpisz token redaktora."; return; }
    sessionStorage.setItem(TOKEN_KEY, value);
    $("token").value = "";
    $("login-error").textContent = "";
    start();
  });

  logoutEl.addEventListener("click", function () {
    sessionStorage.removeItem(TOKEN_KEY);
    reportEl.textContent = "";
    editor.hidden = true;
    showApp(false);
    $("token").focus();
  });

  // --- raport ---
  function table(caption, columns, rows, emptyText) {
    var t = el("table");
    t.appendChild(el("caption", null, caption));
    var head = el("tr");
    columns.forEach(function (c) {
      var th = el("th", c.num ? "num" : null, c.title);
      th.scope = "col";
      head.appendChild(th);
    });
    t.appendChild(el("thead")).appendChild(head);
    var tbody = t.appendChild(el("tbody"));
    if (!rows.length) {
      var td = el("td", "empty", emptyText);
      td.colSpan = columns.length;
      tbody.appendChild(el("tr")).appendChild(td);
    }
    rows.forEach(function (row) {
      var tr = el("tr");
      columns.forEach(function (c) {
        var td = el("td", c.num ? "num" : null);
        var v = c.cell(row);
        if (v instanceof Node) td.appendChild(v); else td.textContent = v;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    return t;
  }

  function queryCell(g) {
    var span = el("span");
    span.appendChild(el("span", "label", g.label));
    if (g.variants.length) span.appendChild(el("span", "variants", " (też: " + g.variants.join(", ") + ")"));
    return span;
  }

  function articleCell(a) {
    var b = el("button", null, a.title || a.id);
    b.type = "button";
    b.setAttribute("aria-label", "Edytuj: " + (a.title || a.id));
    b.addEventListener("click", function () { openArticle(a.id); });
    return b;
  }

  function percent(share) { return Math.round(share * 100) + "%"; }

  function renderReport(r) {
    reportEl.textContent = "";
    reportStatus.textContent = "Okres " + r.from + " – " + r.to + ": " + r.totals.searches + " wyszukiwań, " +
      r.totals.searches_without_results + " bez wyników.";
    var q = function () { return { title: "Zapytanie", cell: queryCell }; };
    reportEl.appendChild(table("Najczęstsze zapytania", [q(),
      { title: "Wyszukiwań", num: true, cell: function (g) { return g.searches; } },
      { title: "Bez wyników", num: true, cell: function (g) { return percent(g.no_results_share); } }],
      r.top_queries, "Brak wyszukiwań w tym okresie."));
    reportEl.appendChild(table("Zapytania bez wyników (" + r.totals.no_results + ")", [q(),
      { title: "Wyszukiwań bez wyników", num: true, cell: function (g) { return g.no_results; } }],
      r.no_results, "Każde wyszukiwanie coś znalazło."));
    reportEl.appendChild(table("Zapytania, których wyników nikt nie otworzył (" + r.totals.never_opened + ")", [q(),
      { title: "Wyszukiwań z wynikami", num: true, cell: function (g) { return g.searches - g.no_results; } }],
      r.never_opened, "Brak."));
    reportEl.appendChild(table("Artykuły oceniane jako nieprzydatne (" + r.totals.unhelpful_articles + ")", [
      { title: "Artykuł", cell: articleCell },
      { title: "Nieprzydatne", num: true, cell: function (a) { return a.unhelpful; } },
      { title: "Przydatne", num: true, cell: function (a) { return a.helpful; } },
      { title: "Otwarcia", num: true, cell: function (a) { return a.opens; } }],
      r.unhelpful_articles, "Brak ocen „nieprzydatne”."));
    reportEl.appendChild(table("Artykuły nieaktualizowane od ponad 12 miesięcy (" + r.totals.stale_articles + ")", [
      { title: "Artykuł", cell: articleCell },
      { title: "Ostatnia aktualizacja", cell: function (a) { return a.updated; } }],
      r.stale_articles, "Wszystkie artykuły są aktualne."));
    reportEl.appendChild(table("Artykuły bez daty aktualizacji (" + r.totals.undated_articles + ")", [
      { title: "Artykuł", cell: articleCell }],
      r.undated_articles, "Brak."));
  }

  function loadReport() {
    reportStatus.textContent = "Wczytywanie raportu…";
    return api("GET", "/api/admin/report?days=" + encodeURIComponent($("days").value)).then(function (res) {
      if (res.status === 200) renderReport(res.body);
      else if (res.status !== 401 && res.status !== 403) reportStatus.textContent = "Błąd: " + errorMessage(res.body);
    }).catch(function () { reportStatus.textContent = "Brak połączenia z serwerem Wiedzy."; });
  }

  $("days").addEventListener("change", loadReport);

  // --- artykuły ---
  function fillSelect(select, items) {
    select.textContent = "";
    items.forEach(function (it) {
      var o = el("option", null, it.name + " (" + it.id + ")");
      o.value = it.id;
      select.appendChild(o);
    });
  }

  function loadDirectory() {
    return Promise.all([fetch("/api/categories").then(function (r) { return r.json(); }),
                        fetch("/api/units").then(function (r) { return r.json(); })])
      .then(function (lists) {
        fillSelect($("f-category"), lists[0].categories);
        fillSelect($("f-unit"), lists[1].units);
      });
  }

  $("find-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var q = $("find").value.trim();
    var found = $("found");
    found.textContent = "";
    if (!q) return;
    // record=false: editors looking for articles are not residents' questions.
    fetch("/api/search?limit=50&record=false&q=" + encodeURIComponent(q))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.results || !data.results.length) { found.appendChild(el("li", "empty", "Nic nie znaleziono.")); return; }
        data.results.forEach(function (r) {
          var li = el("li");
          li.appendChild(articleCell(r));
          li.appendChild(el("span", "variants", " " + r.id + (r.updated ? " · " + r.updated : "")));
          found.appendChild(li);
        });
      });
  });

  function clearErrors() {
    editorMessage.textContent = "";
    editorMessage.className = "message";
    FIELDS.forEach(function (f) {
      $("f-" + f).removeAttribute("aria-invalid");
      $("f-" + f).removeAttribute("aria-describedby");
      $("f-" + f + "-error").textContent = "";
    });
  }

  function say(text, ok) {
    editorMessage.textContent = text;
    editorMessage.className = "message " + (ok ? "ok" : "bad");
  }

  function showEditor(article) {
    current = article;
    clearErrors();
    editor.hidden = false;
    $("editor-heading").textContent = article ? "Edycja: " + article.title : "Nowy artykuł";
    var a = article || {};
    $("f-id").value = a.id || "";
    $("f-id").readOnly = !!article;  // renaming would leave the old id behind; create a new article instead
    ["title", "summary", "body", "updated", "url"].forEach(function (f) { $("f-" + f).value = a[f] || ""; });
    $("f-kind").value = a.kind || "informacja";
    $("f-keywords").value = (a.keywords || []).join(", ");
    if (a.category) $("f-category").value = a.category.id || a.category;
    if (a.unit) $("f-unit").value = a.unit.id || a.unit;
    $("delete").hidden = !article;
    (article ? $("f-title") : $("f-id")).focus();
  }

  function openArticle(id) {
    fetch("/api/articles/" + encodeURIComponent(id)).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (!res.ok) { say("Nie można otworzyć artykułu: " + errorMessage(res.body), false); editor.hidden = false; return; }
      showEditor(res.body);
    });
  }

  $("new-article").addEventListener("click", function () { showEditor(null); });

  // The article as the API stores it: unknown fields of the loaded one are kept.
  function formArticle() {
    var a = {};
    if (current) Object.keys(current).forEach(function (k) { a[k] = current[k]; });
    a.id = $("f-id").value.trim();
    a.title = $("f-title").value.trim();
    a.body = $("f-body").value;
    a.category = $("f-category").value;
    a.unit = $("f-unit").value;
    a.kind = $("f-kind").value;
    a.keywords = $("f-keywords").value.split(",").map(function (k) { return k.trim(); })
      .filter(function (k) { return k; });
    ["summary", "updated", "url"].forEach(function (f) {
      var v = $("f-" + f).value.trim();
      if (v) a[f] = v; else delete a[f];
    });
    return a;
  }

  // details: [{file, field, reason}]; "keywords[2]" marks the keywords field.
  function showValidation(body) {
    say("Artykuł nie został zapisany: " + errorMessage(body), false);
    var first = null;
    ((body && body.error && body.error.details) || []).forEach(function (d) {
      var name = String(d.field || "").split(/[.\[]/)[0];
      if (FIELDS.indexOf(name) < 0) return;
      var input = $("f-" + name), note = $("f-" + name + "-error");
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", note.id);
      note.textContent = (note.textContent ? note.textContent + " " : "") + polishReason(d.reason);
      if (!first) first = input;
    });
    if (first) first.focus();
  }

  editor.addEventListener("submit", function (e) {
    e.preventDefault();
    clearErrors();
    var a = formArticle();
    if (!a.id) { showValidation({ error: { message: "brak identyfikatora", details: [{ field: "id", reason: "Podaj identyfikator." }] } }); return; }
    api("PUT", "/api/articles/" + encodeURIComponent(a.id), a).then(function (res) {
      if (res.status === 200 || res.status === 201) {
        current = res.body && res.body.article ? res.body.article : a;
        $("f-id").readOnly = true;
        $("delete").hidden = false;
        $("editor-heading").textContent = "Edycja: " + a.title;
        say((res.status === 201 ? "Utworzono artykuł" : "Zapisano zmiany") +
            (res.body && res.body.revision ? " (wersja " + res.body.revision + ")." : "."), true);
      } else if (res.status === 400) {
        showValidation(res.body);
      } else if (res.status !== 401 && res.status !== 403) {
        say("Nie zapisano: " + errorMessage(res.body), false);
      }
    }).catch(function () { say("Brak połączenia z serwerem Wiedzy. Nic nie zapisano.", false); });
  });

  $("delete").addEventListener("click", function () {
    if (!current) return;
    if (!window.confirm("Usunąć artykuł „" + current.title + "”? Zaraz potem można go przywrócić przyciskiem „Przywróć”.")) return;
    var id = current.id;
    api("DELETE", "/api/articles/" + encodeURIComponent(id)).then(function (res) {
      if (res.status === 204 || res.status === 404) {
        showEditor(null);
        say(res.status === 204 ? "Usunięto artykuł " + id + "." : "Artykuł " + id + " już nie istniał.", true);
        if (res.status === 204) offerRestore(id);
      } else if (res.status !== 401 && res.status !== 403) {
        say("Nie usunięto: " + errorMessage(res.body), false);
      }
    }).catch(function () { say("Brak połączenia z serwerem Wiedzy.", false); });
  });

  // A deleted article can be brought back from the audit trail (POST .../restore).
  function offerRestore(id) {
    var b = document.createElement("button");
    b.type = "button";
    b.id = "restore";
    b.textContent = "Przywróć";
    b.addEventListener("click", function () {
      api("POST", "/api/articles/" + encodeURIComponent(id) + "/restore").then(function (res) {
        if (res.status >= 200 && res.status < 300) say("Przywrócono artykuł " + id + ".", true);
        else say("Nie przywrócono: " + errorMessage(res.body), false);
      }).catch(function () { say("Brak połączenia z serwerem Wiedzy.", false); });
    });
    editorMessage.appendChild(document.createTextNode(" "));
    editorMessage.appendChild(b);
  }

  function start() {
    showApp(true);
    loadDirectory();
    loadReport();
  }

  if (token()) start(); else { showApp(false); $("token").focus(); }
})();
