// Widżet wyszukiwarki do osadzenia na dowolnej stronie:
//   <script src="https://search.example/widget.js" data-wiedza="https://search.example" defer></script>
// Renders a search box with suggestions where the tag is (or into an element with the
// attribute data-wiedza-box), inside a Shadow DOM so the host page's styles neither
// leak in nor get overridden. Themeable with CSS custom properties set on the host page
// (docs/api.md): --wiedza-accent, --wiedza-accent-text, --wiedza-text, --wiedza-bg,
// --wiedza-font, --wiedza-radius. Served by the server after combobox.js, both inside one
// function, so nothing is added to the host page's globals.
"use strict";
var script = document.currentScript;
if (script) {
  var base = (script.getAttribute("data-wiedza") || new URL(script.src).origin).replace(/\/+$/, "");
  var host = document.querySelector("[data-wiedza-box]");
  if (!host) {
    host = document.createElement("div");
    if (script.parentNode && script.parentNode !== document.head) script.parentNode.insertBefore(host, script);
    else document.body.insertBefore(host, document.body.firstChild);
  }
  host.classList.add("wiedza-widget");
  var root = host.attachShadow({ mode: "open" });
  var style = document.createElement("style");
  style.textContent =
    ":host{all:initial;display:block;font-family:var(--wiedza-font,system-ui,sans-serif);font-size:16px;" +
    "line-height:1.4;color:var(--wiedza-text,#1a1d21)}" +
    "*{box-sizing:border-box}form{margin:0}label{display:block;font-weight:600;margin-bottom:4px}" +
    ".row{display:flex;gap:8px;position:relative}" +
    "input{flex:1;min-width:0;font:inherit;padding:8px 10px;color:var(--wiedza-text,#1a1d21);" +
    "background:var(--wiedza-bg,#fff);border:2px solid #4a5058;border-radius:var(--wiedza-radius,6px)}" +
    "button{font:inherit;font-weight:600;padding:8px 14px;cursor:pointer;border-radius:var(--wiedza-radius,6px);" +
    "border:2px solid var(--wiedza-accent,#0b4f9c);background:var(--wiedza-accent,#0b4f9c);" +
    "color:var(--wiedza-accent-text,#fff)}" +
    "input:focus-visible,button:focus-visible{outline:3px solid var(--wiedza-accent,#0b4f9c);outline-offset:2px}" +
    ".suggestions{position:absolute;top:100%;left:0;right:0;z-index:2147483000;margin:4px 0 0;padding:0;" +
    "list-style:none;background:var(--wiedza-bg,#fff);border:2px solid #4a5058;" +
    "border-radius:var(--wiedza-radius,6px);max-height:60vh;overflow-y:auto}" +
    ".suggestions li{padding:8px 10px;cursor:pointer}" +
    ".suggestions li[aria-selected=true]{background:var(--wiedza-accent,#0b4f9c);color:var(--wiedza-accent-text,#fff)}" +
    ".notice{margin:4px 0 0;font-size:14px}.notice:empty{display:none}" +
    ".vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}";
  root.appendChild(style);

  var form = document.createElement("form");
  form.setAttribute("role", "search");
  form.method = "get";
  form.action = base + "/szukaj";
  var label = document.createElement("label");
  label.htmlFor = "wiedza-q";
  label.textContent = "Szukaj informacji dla mieszkańców";
  var row = document.createElement("div");
  row.className = "row";
  var input = document.createElement("input");
  input.id = "wiedza-q";
  input.name = "q";
  input.type = "search";
  input.autocomplete = "off";
  input.maxLength = 500;
  var button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Szukaj";
  var notice = document.createElement("p");
  notice.className = "notice";
  notice.setAttribute("role", "status");
  row.appendChild(input);
  row.appendChild(button);
  form.appendChild(label);
  form.appendChild(row);
  form.appendChild(notice);
  root.appendChild(form);

  wiedzaCombobox({
    input: input, container: row, base: base, prefix: "wiedza",
    choose: function (s) {
      window.location.href = s.id ? base + "/artykul/" + encodeURIComponent(s.id)
                                  : base + "/szukaj?q=" + encodeURIComponent(s.text);
    },
    // A refused origin (not in --cors-origin) or an unreachable server: say so, and
    // keep the box working as a plain form.
    failed: function () { notice.textContent = "Podpowiedzi są niedostępne. Wpisz pytanie i naciśnij Szukaj."; }
  });
}
