// A reader's controls for one group of views. Everything happens in the browser: the
// controls' values are looked up in a table Python prepared (values -> key), the key is
// published to the views of the same group, and on the readers' site the address bar
// follows (history.replaceState), so a copied link opens the same view.
const bus = (globalThis.__technoparksViews ??= { keys: {}, events: new EventTarget() });

function publish(group, key) {
  bus.keys[group] = key;
  bus.events.dispatchEvent(new CustomEvent(group, { detail: key }));
}

// The readers' site (Voila template, static edition) marks its pages; JupyterLab's own
// address is never read or rewritten.
const onSite = () => document.querySelector('meta[name="technoparks-site"]') !== null;

function stateString(values) {
  return JSON.stringify(values);
}

function fromAddress(controls) {
  // Only known option values are kept (case-insensitively); anything else is ignored.
  const params = new URLSearchParams(window.location.search);
  return controls.map((control) => {
    const known = (raw) =>
      control.options.find(([, value]) => value.toLowerCase() === raw.trim().toLowerCase());
    const raw = params.get(control.param);
    if (control.multiple) {
      if (raw === null) return control.default;
      const wanted = new Set(raw.split(",").map(known).filter(Boolean).map(([, v]) => v));
      return control.options.map(([, v]) => v).filter((v) => wanted.has(v));
    }
    const match = raw === null ? undefined : known(raw);
    return match ? match[1] : control.default;
  });
}

function writeAddress(controls, key) {
  const own = new Set(controls.map((control) => control.param));
  const others = [...new URLSearchParams(window.location.search)]
    .filter(([name]) => !own.has(name))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  const mine = key.replace(/^\?/, "");
  const query = [mine, ...others].filter(Boolean).join("&");
  const url = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
  window.history.replaceState(window.history.state, "", url);
}

function render({ model, el }) {
  const group = model.get("group");
  const controls = model.get("controls");
  const table = model.get("table");
  const canonical = model.get("canonical");
  el.classList.add("tp-chooser", "tp-kernel-free");
  const form = document.createElement("form");
  form.className = "tp-chooser-form";
  form.addEventListener("submit", (event) => event.preventDefault());

  const readers = controls.map((control) => {
    if (control.multiple) {
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = control.label;
      fieldset.append(legend);
      const boxes = control.options.map(([label, value]) => {
        const wrapper = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.value = value;
        wrapper.append(box, ` ${label}`);
        fieldset.append(wrapper);
        return box;
      });
      if (control.clear_label) {
        const clear = document.createElement("button");
        clear.type = "button";
        clear.textContent = control.clear_label;
        clear.addEventListener("click", () => {
          boxes.forEach((box) => (box.checked = false));
          changed();
        });
        fieldset.append(clear);
      }
      form.append(fieldset);
      return {
        get: () => boxes.filter((box) => box.checked).map((box) => box.value),
        set: (values) => boxes.forEach((box) => (box.checked = values.includes(box.value))),
      };
    }
    // An explicit label (for/id): wrapping the select would add its options to its name.
    const wrapper = document.createElement("div");
    wrapper.className = "tp-chooser-select";
    const label = document.createElement("label");
    const select = document.createElement("select");
    select.id = `tp-${group}-${control.param}-${(bus.ids = (bus.ids ?? 0) + 1)}`;
    label.htmlFor = select.id;
    label.textContent = control.label;
    for (const [text, value] of control.options) {
      select.append(new Option(text, value));
    }
    wrapper.append(label, select);
    form.append(wrapper);
    return { get: () => select.value, set: (value) => (select.value = value) };
  });
  el.append(form);

  const show = (key, { fromReader = false } = {}) => {
    if (!fromReader) {
      const values = canonical[key];
      if (!values) return;
      readers.forEach((reader, i) => reader.set(values[i]));
    }
    publish(group, key);
  };

  function changed() {
    const key = table[stateString(readers.map((reader) => reader.get()))];
    if (key === undefined) return;
    show(key, { fromReader: true });
    if (onSite()) {
      writeAddress(controls, key);
    } else {
      // In JupyterLab the kernel follows too, so Python can read the choice.
      model.set("selection", key);
      model.save_changes();
    }
  }
  form.addEventListener("change", changed);

  const initial = onSite() ? table[stateString(fromAddress(controls))] : undefined;
  show(initial ?? model.get("selection"));
  const fromPython = () => show(model.get("selection"));
  model.on("change:selection", fromPython);
  return () => model.off("change:selection", fromPython);
}

export default { render };
