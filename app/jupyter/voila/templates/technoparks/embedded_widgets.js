// Draws the site's widgets from what each one carries in the page (helpers/display/embedded.py):
// the widget's own anywidget module runs against a model that lives in the page, as in
// JupyterLab, but with no kernel and no widget manager, so a reader's choices never leave
// the browser. Included by the app's template and by the static edition (tools/build_site.py).
(function () {
  "use strict";
  var SPEC = 'script[type="application/vnd.technoparks.widget+json"]';
  var modules = new Map(); // module text -> its import (each module is loaded once)
  var styles = new Set();

  function load(text) {
    if (!modules.has(text)) {
      var url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
      modules.set(text, import(url));
    }
    return modules.get(text);
  }

  function addStyle(text) {
    if (!text || styles.has(text)) { return; }
    styles.add(text);
    var style = document.createElement("style");
    style.textContent = text;
    document.head.appendChild(style);
  }

  // The part of anywidget's model a module may use. Changes stay in the page: there is no
  // kernel to save them to.
  function pageModel(state) {
    var events = new EventTarget();
    var listeners = new Map();
    return {
      get: function (name) { return state[name]; },
      set: function (name, value) {
        state[name] = value;
        events.dispatchEvent(new Event("change:" + name));
      },
      on: function (name, callback) {
        var listener = function () { callback(); };
        listeners.set(callback, listener);
        events.addEventListener(name, listener);
      },
      off: function (name, callback) {
        if (listeners.has(callback)) {
          events.removeEventListener(name, listeners.get(callback));
          listeners.delete(callback);
        }
      },
      save_changes: function () {},
      send: function () {},
    };
  }

  async function draw(holder) {
    var spec = JSON.parse(holder.querySelector(SPEC).textContent);
    addStyle(spec.css);
    var module = await load(spec.module);
    var widget = module.default !== undefined ? module.default : module;
    if (typeof widget === "function") { widget = await widget(); }
    var model = pageModel(spec.state);
    if (widget.initialize) { await widget.initialize({ model: model }); }
    var el = document.createElement("div");
    await widget.render({ model: model, el: el });
    holder.replaceChildren(el);
  }

  function broken(holder, error) {
    // Say so in words, with a way to try again, never a half-drawn control.
    console.error("A control of this page could not be drawn:", error);
    var note = document.createElement("p");
    note.className = "tp-note tp-widget-broken";
    note.setAttribute("role", "alert");
    note.textContent = "A control of this page could not be drawn. ";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload the page";
    reload.addEventListener("click", function () { window.location.reload(); });
    note.appendChild(reload);
    holder.replaceChildren(note);
  }

  function drawAll() {
    var holders = Array.from(document.querySelectorAll(".tp-embedded-widget"));
    return Promise.all(holders.map(function (holder) {
      return draw(holder).catch(function (error) { broken(holder, error); });
    })).then(function () {
      document.documentElement.setAttribute("data-tp-widgets", "drawn");
    });
  }

  window.technoparksWidgets = {
    drawn: new Promise(function (resolve) {
      var start = function () { drawAll().then(resolve); };
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
      } else {
        start();
      }
    }),
  };
})();
