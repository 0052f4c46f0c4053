// A view prepared in Python for every choice of its group; the browser only switches.
// A view is a list of fragment numbers (shared lines are stored once); its HTML is their
// concatenation, exactly as Python rendered it.
const bus = (globalThis.__technoparksViews ??= { keys: {}, events: new EventTarget() });

function render({ model, el }) {
  const group = model.get("group");
  el.classList.add("tp-switched-view", "tp-kernel-free");
  if (model.get("live")) {
    el.setAttribute("aria-live", "polite");
  }
  let shown = null;
  const show = (key) => {
    const views = model.get("views");
    const parts = views[key] ?? views[model.get("selection")];
    if (!parts || key === shown) return;
    const fragments = model.get("fragments");
    el.innerHTML = parts.map((i) => fragments[i]).join("");
    shown = key;
  };
  show(bus.keys[group] ?? model.get("selection"));
  const follow = (event) => show(event.detail);
  bus.events.addEventListener(group, follow);
  return () => bus.events.removeEventListener(group, follow);
}

export default { render };
