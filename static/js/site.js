// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to a form's error summary so screen readers announce it.
  var summary = document.querySelector(".ds-error-summary");
  if (summary) { summary.focus(); }
})();
