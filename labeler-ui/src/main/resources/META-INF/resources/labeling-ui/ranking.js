/*
 * Ranking page (labeling/rank.xhtml): orders the output cards by drag and drop, by each card's buttons, or by
 * keyboard alone, and writes the order into the hidden input as output ids joined by ">" (better) and "=" (tied).
 * The server checks the order again; this script only edits it.
 */
(function () {
  "use strict";
  var list = document.getElementById("ranking-list");
  if (!list) { return; }
  var form = list.closest("form");
  var hidden = form.querySelector("input[id$='ranking-order']");
  var status = document.getElementById("ranking-status");

  function cards() { return Array.prototype.slice.call(list.querySelectorAll("li.ranking-card")); }

  function say(text) { if (status) { status.textContent = text; } }

  /* Order and keyboard scores change without input events: ask autosave.js to keep the draft. */
  function changed() { if (window.labelingAutosave) { window.labelingAutosave.schedule(form); } }

  function label(card) { return card.getAttribute("aria-label"); }

  /* Ranks, tie marks and the hidden order follow the cards' order in the list. */
  function refresh() {
    var text = "", rank = 0;
    cards().forEach(function (card, i) {
      var tie = card.querySelector("input.ranking-tie");
      if (i === 0) { tie.checked = false; tie.disabled = true; } else { tie.disabled = false; }
      var tied = i > 0 && tie.checked;
      if (!tied) { rank++; }
      card.classList.toggle("ranking-tied", tied);
      card.querySelector(".ranking-rank").textContent = "Rank " + rank + (tied ? " (tie)" : "");
      card.dataset.rank = String(rank);
      text += (i === 0 ? "" : (tied ? "=" : ">")) + card.dataset.outputId;
    });
    if (hidden.value !== text) {
      hidden.value = text;
      changed();
    }
  }

  /* A saved order (a draft, or the order of a refused submission) is shown again. */
  function restore(text) {
    if (!text) { return; }
    var byId = {};
    cards().forEach(function (c) { byId[c.dataset.outputId] = c; });
    var groups = text.split(">");
    var placed = [];
    groups.forEach(function (g) {
      g.split("=").forEach(function (id, j) {
        var c = byId[id.trim()];
        if (c && placed.indexOf(c) < 0) {
          c.querySelector("input.ranking-tie").checked = j > 0;
          placed.push(c);
        }
      });
    });
    placed.forEach(function (c) { list.appendChild(c); });
    cards().forEach(function (c) { if (placed.indexOf(c) < 0) { list.appendChild(c); } });
  }

  function move(card, delta) {
    var all = cards(), i = all.indexOf(card), j = i + delta;
    if (j < 0 || j >= all.length) { return; }
    if (delta < 0) { list.insertBefore(card, all[j]); } else { list.insertBefore(card, all[j].nextSibling); }
    refresh();
    card.focus();
    say(label(card) + " moved to position " + (j + 1) + " of " + all.length);
  }

  list.addEventListener("click", function (e) {
    var card = e.target.closest("li.ranking-card");
    if (!card) { return; }
    if (e.target.closest(".ranking-up")) { move(card, -1); }
    else if (e.target.closest(".ranking-down")) { move(card, 1); }
    else if (e.target.classList.contains("ranking-tie")) { refresh(); }
  });

  list.addEventListener("keydown", function (e) {
    var card = e.target;
    if (!card.classList || !card.classList.contains("ranking-card")) { return; } // keys inside inputs stay theirs
    var all = cards(), i = all.indexOf(card), key = e.key;
    if ((e.altKey && key === "ArrowUp") || key === "u") { move(card, -1); }
    else if ((e.altKey && key === "ArrowDown") || key === "d") { move(card, 1); }
    else if (key === "ArrowUp" && i > 0) { all[i - 1].focus(); }
    else if (key === "ArrowDown" && i < all.length - 1) { all[i + 1].focus(); }
    else if (key === "t" && i > 0) {
      var tie = card.querySelector("input.ranking-tie");
      tie.checked = !tie.checked;
      refresh();
      say(label(card) + (tie.checked ? " tied with the one above" : " no longer tied"));
    } else if (/^[1-7]$/.test(key)) {
      card.querySelector("select.ranking-score").value = key;
      changed();
      say(label(card) + " scored " + key);
    } else { return; }
    e.preventDefault();
  });

  var dragged = null;
  list.addEventListener("dragstart", function (e) {
    dragged = e.target.closest("li.ranking-card");
    if (!dragged) { return; }
    dragged.classList.add("ranking-dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", dragged.dataset.outputId);
  });
  list.addEventListener("dragover", function (e) {
    var over = e.target.closest("li.ranking-card");
    if (!dragged || !over || over === dragged) { return; }
    e.preventDefault();
    var box = over.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY < box.top + box.height / 2 ? over : over.nextSibling);
  });
  list.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("ranking-dragging"); dragged = null; }
    refresh();
  });

  form.addEventListener("submit", refresh);
  restore(hidden.value);
  var saved = hidden.value;
  refresh();
  if (hidden.value !== saved && saved) { changed(); } // a draft with missing outputs was completed: keep that too
})();
