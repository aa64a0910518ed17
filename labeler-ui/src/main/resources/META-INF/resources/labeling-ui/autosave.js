/*
 * Draft autosave for the labeling editors. A form with data-autosave="fn" calls window[fn] (a p:remoteCommand that
 * posts the form and stores it as a draft) once the labeler has paused for AFTER_MS: saving on every keystroke would
 * load the server for nothing, saving only on a button loses work on a reload. The form's data-task travels with the
 * save, so a save that arrives late cannot land on the next task. Pages that change inputs from script (ranking.js)
 * call labelingAutosave.schedule(form) themselves, since such changes fire no input events.
 */
(function () {
  "use strict";
  var AFTER_MS = 1000;
  var timers = {};

  function schedule(form) {
    var fn = form.getAttribute("data-autosave");
    if (!fn || typeof window[fn] !== "function") { return; }
    clearTimeout(timers[form.id]);
    timers[form.id] = setTimeout(function () {
      delete timers[form.id];
      window[fn]([{ name: "task", value: form.getAttribute("data-task") || "" }]);
    }, AFTER_MS);
  }

  window.labelingAutosave = { schedule: schedule };

  Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), function (form) {
    form.addEventListener("input", function () { schedule(form); });
    form.addEventListener("change", function () { schedule(form); });
    // a real submission replaces the draft: no save may follow it
    form.addEventListener("submit", function () { clearTimeout(timers[form.id]); });
  });
})();
