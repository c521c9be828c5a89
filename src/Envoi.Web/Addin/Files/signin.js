/* The sign-in dialog's last page: hands the new token to the task pane that opened the dialog. */
(function () {
  "use strict";
  Office.onReady(function () {
    var handoff = document.getElementById("handoff");
    if (!handoff) return;
    Office.context.ui.messageParent(JSON.stringify({ token: handoff.getAttribute("data-token"), baseUrl: handoff.getAttribute("data-base-url") }));
  });
})();
