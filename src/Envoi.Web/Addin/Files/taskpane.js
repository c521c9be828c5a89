/*
 * Envoi's compose task pane: sign in once (a dialog with the Envoi login that hands an API token
 * back), then the signatures this sender may pick, each rendered for the current recipients and
 * kind, the rules' pick with its reason, and the undo window. Picking one sets X-Envoi-Signature.
 */
(function () {
  "use strict";
  var A = window.EnvoiAddin;
  var item, state = { mine: null, insert: false, current: null };

  function $(id) { return document.getElementById(id); }
  function say(text) { $("status").textContent = text; }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) { if (k === "text") node.textContent = props[k]; else node.setAttribute(k, props[k]); });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function showSignIn() {
    $("picker").hidden = true;
    $("signin").hidden = false;
    $("who").textContent = "";
    say("Not signed in.");
  }

  /** The Envoi login in an Office dialog; its page hands back {token, baseUrl} through messageParent. */
  function signIn() {
    var url = location.origin + "/addin/signin";
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, function (opened) {
      if (opened.status === Office.AsyncResultStatus.Failed) { say("The sign-in window could not open: " + opened.error.message); return; }
      var dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, function (arg) {
        dialog.close();
        var message;
        try { message = JSON.parse(arg.message); } catch (e) { say("Sign-in failed: unexpected answer."); return; }
        if (!message.token) { say("Sign-in failed: " + (message.error || "no token")); return; }
        A.saveConnection(message.token, message.baseUrl || location.origin).then(load, function (e) { say("Could not save the sign-in: " + e.message); });
      });
    });
  }

  function signOut() {
    var conn = A.connection();
    // The token is revoked at Envoi, not only forgotten here.
    var revoke = conn ? A.envoi(conn, "/api/me/token", { method: "DELETE" }).catch(function () { return null; }) : Promise.resolve();
    revoke.then(A.forgetConnection).then(showSignIn);
  }

  function currentHeader() {
    return A.officeAsync(item.internetHeaders, "getAsync", [A.SIGNATURE_HEADER])
      .then(function (headers) { return headers && headers[A.SIGNATURE_HEADER] ? headers[A.SIGNATURE_HEADER] : null; }, function () { return null; });
  }

  function load() {
    var conn = A.connection();
    if (!conn) return showSignIn();
    $("signin").hidden = true;
    say("Loading your signatures…");
    return Promise.all([A.signaturesFor(conn, item), A.addinSettings(conn), currentHeader()]).then(function (parts) {
      state.mine = parts[0];
      state.insert = !!parts[1].insertSignature;
      var chosen = state.mine.signatures.filter(function (s) { return s.chosenByRules; })[0];
      state.current = parts[2] || (chosen ? chosen.header : null);
      render();
      say("");
    }, function (error) {
      if (error.status === 401) {
        return A.forgetConnection().then(function () { showSignIn(); say("Your Envoi sign-in was revoked: sign in again."); });
      }
      say("Envoi could not be reached: " + error.message);
    });
  }

  function preview(offer) {
    var frame = el("iframe", { "class": "preview", sandbox: "", title: "Preview of " + (offer.name || "no signature") });
    frame.srcdoc = "<!DOCTYPE html><meta charset=\"utf-8\"><body style=\"margin:6px;font:13px Segoe UI,sans-serif\">" + (offer.html || "") + "</body>";
    return frame;
  }

  function render() {
    var mine = state.mine;
    $("who").textContent = mine.sender;
    var minutes = mine.undoWindowSeconds >= 120 ? Math.round(mine.undoWindowSeconds / 60) + " minutes" : mine.undoWindowSeconds + " seconds";
    $("undo").textContent = mine.undoWindowSeconds > 0
      ? "Your messages wait " + minutes + " in your Envoi outbox before they leave: you can still undo them there."
      : "Your messages leave Envoi at once (no undo window).";
    $("insertion").textContent = state.insert
      ? "Your signature is put into the message here, so you see it and your Sent Items keep it."
      : "Envoi adds your signature when the message leaves.";
    var options = $("options");
    options.textContent = "";
    // Recipients that get different signatures get separate copies: say who gets which.
    var split = mine.signatures.filter(function (s) { return s.chosenByRules; }).length > 1;
    mine.signatures.forEach(function (offer, index) {
      var id = "signature-" + index;
      var input = el("input", { type: "radio", name: "signature", id: id, value: offer.header });
      input.checked = offer.header === state.current;
      input.addEventListener("change", function () { choose(offer); });
      var box = el("div", { "class": "option" + (input.checked ? " selected" : ""), "data-signature": offer.header }, [
        el("label", { "for": id }, [input, el("span", { text: offer.name || "No signature" })]),
        offer.chosenByRules ? el("p", { "class": "reason", text: "Chosen by the rules" + (split ? " for " + offer.recipients.join(", ") : "") + ": " + offer.reason }) : null,
        offer.honoured ? null : el("p", { "class": "ignored", text: "Picking it changes nothing: " + offer.ignoredBecause }),
        offer.error ? el("p", { "class": "error", text: "Cannot be rendered: " + offer.error }) : null,
        offer.name && !offer.error ? preview(offer) : null,
      ]);
      options.appendChild(box);
    });
    $("picker").hidden = false;
  }

  function choose(offer) {
    state.current = offer.header;
    Array.prototype.forEach.call(document.querySelectorAll(".option"), function (box) {
      box.classList.toggle("selected", box.getAttribute("data-signature") === offer.header);
    });
    var step = state.insert && offer.name ? A.insertSignature(item, offer) : A.setHeaders(item, offer.header);
    step.then(function () {
      say(offer.name ? "Envoi will use the signature " + offer.name + "." : "Envoi will add no signature.");
    }, function (e) { say("Outlook refused the change: " + e.message); });
  }

  function start() {
    item = Office.context.mailbox.item;
    $("signin-button").addEventListener("click", signIn);
    $("signout").addEventListener("click", signOut);
    $("refresh").addEventListener("click", load);
    if (item.addHandlerAsync && Office.EventType.RecipientsChanged) item.addHandlerAsync(Office.EventType.RecipientsChanged, load);
    load();
  }

  // Office may be ready before the page is parsed (the scripts load in its head).
  Office.onReady(function () {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  });
})();
