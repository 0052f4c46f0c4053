// anywidget gives a model 2 s to load its module, then rejects a promise nobody awaits
// (an "unhandled rejection"), although the widget still draws once the module is loaded.
// On a slow device that is a false alarm: keep it out of the reader's console.
window.addEventListener("unhandledrejection", function (event) {
  var reason = event.reason && event.reason.message;
  if (reason === "[anywidget] Failed to initialize model.") { event.preventDefault(); }
});
