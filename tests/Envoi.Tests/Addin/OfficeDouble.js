// A test double of the Office host API (office.js), served in place of Microsoft's script when the
// task pane runs in Chromium: the real one needs an Outlook host, which does not exist here. It
// keeps what the add-in writes (internet headers, roaming settings, the signature) in
// window.__office for the test to read, and runs displayDialogAsync as a real popup window.
(function () {
  "use strict";
  var setup = /*SETUP*/{};
  var parent = window.opener && window.opener.__office ? window.opener : null;
  function ok(value) { return { status: "succeeded", value: value }; }
  var state = window.__office = { headers: {}, roaming: setup.roaming || {}, signature: null, dialogUrls: [] };
  var dialogHandlers = {};
  window.__officeDialogMessage = function (message) {
    var handler = dialogHandlers.DialogMessageReceived;
    if (handler) handler({ message: message });
  };
  function recipients(list) {
    return { getAsync: function (callback) { callback(ok(list.map(function (a) { return { emailAddress: a, displayName: a }; }))); } };
  }
  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { DialogMessageReceived: "DialogMessageReceived", RecipientsChanged: "RecipientsChanged" },
    onReady: function (callback) { setTimeout(function () { callback({ host: "Outlook", platform: "OfficeOnline" }); }, 0); },
    actions: { associate: function () {} },
    context: {
      displayLanguage: "fr-FR",
      roamingSettings: {
        get: function (name) { return state.roaming[name]; },
        set: function (name, value) { state.roaming[name] = value; },
        remove: function (name) { delete state.roaming[name]; },
        saveAsync: function (callback) { callback(ok()); },
      },
      ui: {
        displayDialogAsync: function (url, options, callback) {
          state.dialogUrls.push(url);
          var popup = window.open(url, "office-dialog");
          callback(ok({
            addEventHandler: function (type, handler) { dialogHandlers[type] = handler; },
            close: function () { popup.close(); },
          }));
        },
        messageParent: function (message) { parent.__officeDialogMessage(message); },
      },
      mailbox: {
        item: {
          to: recipients(setup.to || []), cc: recipients(setup.cc || []), bcc: recipients([]),
          getComposeTypeAsync: function (callback) { callback(ok({ composeType: setup.composeType || "newMail", coercionType: "html" })); },
          addHandlerAsync: function (type, handler, callback) { if (callback) callback(ok()); },
          body: {
            getTypeAsync: function (callback) { callback(ok("html")); },
            setSignatureAsync: function (value, options, callback) { state.signature = value; callback(ok()); },
          },
          disableClientSignatureAsync: function (callback) { callback(ok()); },
          internetHeaders: {
            getAsync: function (names, callback) {
              var found = {};
              names.forEach(function (n) { if (n in state.headers) found[n] = state.headers[n]; });
              callback(ok(found));
            },
            setAsync: function (headers, callback) { Object.assign(state.headers, headers); callback(ok()); },
            removeAsync: function (names, callback) { names.forEach(function (n) { delete state.headers[n]; }); callback(ok()); },
          },
        },
      },
    },
  };
})();
