/* The sign-in dialog's last page: hands the new token to the task pane that opened the dialog. */
(function () {
  "use strict";
  function handOff() {
    var handoff = document.getElementById("handoff");
    if (!handoff) return;
    Office.context.ui.messageParent(JSON.stringify({ token: handoff.getAttribute("data-token"), baseUrl: handoff.getAttribute("data-base-url") }));
  }
  // Office may be ready before the page is parsed (this script loads in its head).
  Office.onReady(function () {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", handOff);
    else handOff();
  });
})();
