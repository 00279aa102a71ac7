// Podpowiedzi w trakcie pisania: pole wyszukiwania jako combobox ARIA 1.2 (lista
// podpowiedzi, strzałki, Enter, Esc), wspólne dla strony /szukaj i widżetu.
// Shared by portal.js and widget.js (the server serves /widget.js as this file plus
// widget.js wrapped in one function, so nothing leaks into the host page).
// Options: input, container (gets the listbox), base ("" or the server's origin),
// prefix (unique id prefix), choose(suggestion), failed() (the request was refused).
// Text goes in with textContent only.
function wiedzaCombobox(o) {
  "use strict";
  var doc = o.input.ownerDocument;
  var list = doc.createElement("ul");
  var status = doc.createElement("p");
  var items = [], active = -1, timer = null, seq = 0;
  list.id = o.prefix + "-list";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Podpowiedzi");
  list.hidden = true;
  status.className = "vh";
  status.setAttribute("role", "status");
  o.container.appendChild(list);
  o.container.appendChild(status);
  o.input.setAttribute("role", "combobox");
  o.input.setAttribute("aria-autocomplete", "list");
  o.input.setAttribute("aria-controls", list.id);
  o.input.setAttribute("aria-expanded", "false");

  function close() {
    list.hidden = true; list.textContent = ""; items = []; active = -1;
    o.input.setAttribute("aria-expanded", "false");
    o.input.removeAttribute("aria-activedescendant");
  }

  function mark(i) {
    active = i;
    for (var k = 0; k < list.children.length; k++) {
      list.children[k].setAttribute("aria-selected", k === i ? "true" : "false");
    }
    if (i < 0) { o.input.removeAttribute("aria-activedescendant"); return; }
    o.input.setAttribute("aria-activedescendant", list.children[i].id);
    list.children[i].scrollIntoView({ block: "nearest" });
  }

  function show(suggestions) {
    list.textContent = ""; items = suggestions; active = -1;
    suggestions.forEach(function (s, i) {
      var li = doc.createElement("li");
      li.id = o.prefix + "-opt-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = s.text;
      if (s.id) {
        var kind = doc.createElement("span");
        kind.className = "vh";
        kind.textContent = " (artykuł)";
        li.appendChild(kind);
      }
      // mousedown, not click: the input must not lose focus (and close the list) first.
      li.addEventListener("mousedown", function (e) { e.preventDefault(); o.choose(items[i]); close(); });
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    o.input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
    status.textContent = suggestions.length
      ? suggestions.length + " podpowiedzi. Wybierz strzałkami w dół i w górę, zatwierdź Enterem." : "";
  }

  function fetchSuggestions() {
    var q = o.input.value;
    if (q.trim().length < 2) { close(); return; }
    var mine = ++seq;
    fetch(o.base + "/api/suggest?limit=6&q=" + encodeURIComponent(q))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (body) { if (mine === seq) show(body.suggestions); })
      .catch(function () { if (mine === seq) { close(); if (o.failed) o.failed(); } });
  }

  o.input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  o.input.addEventListener("keydown", function (e) {
    var open = !list.hidden && items.length > 0;
    if (e.key === "ArrowDown" && open) { e.preventDefault(); mark((active + 1) % items.length); }
    else if (e.key === "ArrowUp" && open) { e.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === "Enter" && open && active >= 0) { e.preventDefault(); var s = items[active]; close(); o.choose(s); }
    else if (e.key === "Escape" && open) { e.preventDefault(); seq++; close(); }
  });
  o.input.addEventListener("blur", function () { seq++; close(); });
  return { close: close };
}
