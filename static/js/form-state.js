// Forms marked data-reflects-url (search and filter forms submitted with GET) always show the state of
// the URL their page was rendered for. Going back or forward, the browser may show the page from its
// back/forward cache or refill the fields it remembers, which would show a selection the user had
// abandoned next to results for another. The server rendered the URL's state as the fields' defaults,
// so resetting the form restores exactly that. Progressive enhancement: autocomplete="off" on the form
// already stops the refill without JavaScript.
(function () {
  "use strict";
  function restored(event) {
    if (event.persisted) { return true; } // shown from the back/forward cache
    var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    return !!nav && (nav.type === "back_forward" || nav.type === "reload"); // fields may have been refilled
  }
  window.addEventListener("pageshow", function (event) {
    if (!restored(event)) { return; } // a fresh load: never undo what someone is already typing
    var forms = document.querySelectorAll("form[data-reflects-url]");
    for (var i = 0; i < forms.length; i++) { forms[i].reset(); }
  });
})();
