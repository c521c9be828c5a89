/*
 * Envoi for Outlook: the event handlers (OnNewMessageCompose, OnMessageSend) and the helpers the
 * task pane shares. A plain script on purpose: classic Outlook on Windows runs it on its own, in a
 * JavaScript-only runtime where modules and imports are not supported. Under Node (the unit tests)
 * the same functions are exported instead of registered.
 */
(function (root) {
  "use strict";

  var SIGNATURE_HEADER = "X-Envoi-Signature";
  var CONFIRM_HEADER = "X-Envoi-Confirm";
  var TOKEN_SETTING = "envoiToken";
  var BASE_SETTING = "envoiBaseUrl";
  var PANE_COMMAND = "envoiPaneButton";
  var ALERT_LIMIT = 500; // Smart Alerts show at most 500 characters

  /** Calls an Office "…Async(…, callback)" method and returns a promise of its value. */
  function officeAsync(target, method) {
    var args = Array.prototype.slice.call(arguments, 2);
    return new Promise(function (resolve, reject) {
      target[method].apply(target, args.concat([function (result) {
        if (result && result.status === Office.AsyncResultStatus.Failed) reject(result.error || new Error(method + " failed"));
        else resolve(result ? result.value : undefined);
      }]));
    });
  }

  /** The token and Envoi address saved at sign-in (roaming settings follow the mailbox). */
  function connection() {
    var settings = Office.context.roamingSettings;
    var token = settings.get(TOKEN_SETTING);
    var baseUrl = settings.get(BASE_SETTING);
    return token && baseUrl ? { token: token, baseUrl: String(baseUrl).replace(/\/+$/, "") } : null;
  }

  function saveConnection(token, baseUrl) {
    var settings = Office.context.roamingSettings;
    settings.set(TOKEN_SETTING, token);
    settings.set(BASE_SETTING, baseUrl);
    return officeAsync(settings, "saveAsync");
  }

  function forgetConnection() {
    var settings = Office.context.roamingSettings;
    settings.remove(TOKEN_SETTING);
    settings.remove(BASE_SETTING);
    return officeAsync(settings, "saveAsync");
  }

  /** A request to Envoi with the sender's API token; rejects with Envoi's own sentence on an error status. */
  function envoi(conn, path, options) {
    options = options || {};
    var headers = { Authorization: "Bearer " + conn.token };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(conn.baseUrl + path, { method: options.method || "GET", headers: headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
      .then(function (response) {
        if (response.status === 204) return null;
        return response.text().then(function (text) {
          var json = text ? JSON.parse(text) : null;
          if (!response.ok) {
            var error = new Error((json && (json.message || json.error)) || ("Envoi answered " + response.status));
            error.status = response.status;
            throw error;
          }
          return json;
        });
      });
  }

  function addresses(list) {
    return (list || []).map(function (r) { return r.emailAddress; }).filter(Boolean);
  }

  /** new, reply or forward, as Envoi's rules name them (Mailbox 1.10; older clients: new). */
  function composeKind(item) {
    if (typeof item.getComposeTypeAsync !== "function") return Promise.resolve("new");
    return officeAsync(item, "getComposeTypeAsync").then(function (value) {
      var type = value && value.composeType;
      return type === "reply" || type === "forward" ? type : "new";
    }, function () { return "new"; });
  }

  function recipientsOf(item) {
    return Promise.all([officeAsync(item.to, "getAsync"), officeAsync(item.cc, "getAsync")])
      .then(function (lists) { return { to: addresses(lists[0]), cc: addresses(lists[1]) }; });
  }

  /** GET /api/me/signatures for the draft's recipients and kind. */
  function signaturesFor(conn, item) {
    return Promise.all([recipientsOf(item), composeKind(item)]).then(function (parts) {
      var query = parts[0].to.map(function (a) { return "to=" + encodeURIComponent(a); })
        .concat(parts[0].cc.map(function (a) { return "cc=" + encodeURIComponent(a); }))
        .concat(["kind=" + parts[1]]).join("&");
      return envoi(conn, "/api/me/signatures?" + query);
    });
  }

  /** The add-in settings the administrator chose (Addin:InsertSignature). */
  function addinSettings(conn) {
    return fetch(conn.baseUrl + "/addin/settings.json").then(function (r) { return r.ok ? r.json() : { insertSignature: false }; });
  }

  /**
   * The rendered signature the way the gateway wraps its own, so a later pass (and the gateway)
   * recognizes it; the text form for plain-text drafts.
   */
  function signatureMarkup(offer, bodyType) {
    if (bodyType === "text") return offer.text || "";
    var name = String(offer.name).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return "<div class=\"envoi-signature\" data-envoi-signature=\"" + name + "\">" + (offer.html || "") + "</div>";
  }

  /** Puts the signature into the draft (setSignatureAsync) and pins it with X-Envoi-Signature. */
  function insertSignature(item, offer) {
    var bodyType = typeof item.body.getTypeAsync === "function" ? officeAsync(item.body, "getTypeAsync") : Promise.resolve("html");
    return bodyType.then(function (type) {
      var steps = [];
      // Outlook's own signature would sit beside Envoi's: the add-in's replaces it for this draft.
      if (typeof item.disableClientSignatureAsync === "function") steps.push(officeAsync(item, "disableClientSignatureAsync"));
      var coercion = type === "text" ? Office.CoercionType.Text : Office.CoercionType.Html;
      steps.push(officeAsync(item.body, "setSignatureAsync", signatureMarkup(offer, type), { coercionType: coercion }));
      steps.push(setHeaders(item, offer.header));
      return Promise.all(steps);
    });
  }

  function setHeaders(item, signatureHeader) {
    var headers = {};
    headers[SIGNATURE_HEADER] = signatureHeader;
    return officeAsync(item.internetHeaders, "setAsync", headers);
  }

  /** OnNewMessageCompose: when the administrator turned insertion on, the rules' signature goes into the draft. */
  function onNewMessageComposeHandler(event) {
    var conn = connection();
    var item = Office.context.mailbox.item;
    var done = function () { event.completed(); };
    if (!conn) return Promise.resolve(done());
    return addinSettings(conn).then(function (settings) {
      if (!settings.insertSignature) return null;
      return signaturesFor(conn, item).then(function (mine) {
        var chosen = mine.signatures.filter(function (s) { return s.chosenByRules && s.name; })[0];
        return chosen ? insertSignature(item, chosen) : null;
      });
    }).then(done, function (error) {
      // Never in the sender's way: without the add-in's signature, the gateway adds it.
      if (typeof console !== "undefined") console.warn("Envoi: no signature inserted: " + (error && error.message));
      done();
    });
  }

  /** The draft as POST /api/checks reads it. */
  function readDraft(item) {
    var from = item.from && typeof item.from.getAsync === "function" ? officeAsync(item.from, "getAsync").catch(function () { return null; }) : Promise.resolve(null);
    var attachments = typeof item.getAttachmentsAsync === "function" ? officeAsync(item, "getAttachmentsAsync") : Promise.resolve([]);
    return Promise.all([from, officeAsync(item.to, "getAsync"), officeAsync(item.cc, "getAsync"), officeAsync(item.bcc, "getAsync"),
      officeAsync(item.subject, "getAsync"), officeAsync(item.body, "getAsync", Office.CoercionType.Text), attachments])
      .then(function (v) {
        return {
          from: v[0] && v[0].emailAddress ? v[0].emailAddress : null,
          to: addresses(v[1]), cc: addresses(v[2]), bcc: addresses(v[3]),
          subject: v[4] || "", body: v[5] || "",
          attachments: (v[6] || []).map(function (a) { return { name: a.name, size: a.size || 0, isInline: !!a.isInline }; }),
          language: Office.context.displayLanguage || null,
        };
      });
  }

  /** What the sender must see before sending: warnings and above (what only logs stays quiet, as at the gateway). */
  function alertFor(result) {
    var shown = result.findings.filter(function (f) { return f.action === "warn" || f.action === "hold" || f.action === "refuse"; });
    if (shown.length === 0) return null;
    var text = shown.map(function (f) { return f.sentence; }).join("\n");
    if (text.length > ALERT_LIMIT) text = text.slice(0, ALERT_LIMIT - 1) + "…";
    return { message: text, sendAnyway: shown.every(function (f) { return f.sendAnyway; }) };
  }

  /** OnMessageSend (Smart Alerts): the gateway's checks on the draft before Outlook sends it. */
  function onMessageSendHandler(event) {
    var conn = connection();
    var item = Office.context.mailbox.item;
    if (!conn) return Promise.resolve(event.completed({ allowEvent: true }));
    // A confirmation from an earlier attempt must not carry over to a changed draft.
    return officeAsync(item.internetHeaders, "removeAsync", [CONFIRM_HEADER]).catch(function () { return null; })
      .then(function () { return readDraft(item); })
      .then(function (draft) { return envoi(conn, "/api/checks", { method: "POST", body: draft }); })
      .then(function (result) {
        var alert = alertFor(result);
        if (!alert) return event.completed({ allowEvent: true });
        // "Send anyway" then needs no second confirmation from the gateway's hold.
        var confirm = alert.sendAnyway && result.confirmHeader
          ? officeAsync(item.internetHeaders, "setAsync", (function () { var h = {}; h[result.confirmHeader] = "yes"; return h; })())
          : Promise.resolve();
        return confirm.then(function () {
          var options = { allowEvent: false, errorMessage: alert.message, commandId: PANE_COMMAND };
          if (alert.sendAnyway && Office.MailboxEnums && Office.MailboxEnums.SendModeOverride) options.sendModeOverride = Office.MailboxEnums.SendModeOverride.PromptUser;
          event.completed(options);
        });
      })
      .catch(function (error) {
        // Envoi unreachable or the token revoked: the message goes, and the gateway still checks it.
        if (typeof console !== "undefined") console.warn("Envoi: checks skipped: " + (error && error.message));
        event.completed({ allowEvent: true });
      });
  }

  var api = {
    SIGNATURE_HEADER: SIGNATURE_HEADER, CONFIRM_HEADER: CONFIRM_HEADER,
    officeAsync: officeAsync, connection: connection, saveConnection: saveConnection, forgetConnection: forgetConnection,
    envoi: envoi, composeKind: composeKind, signaturesFor: signaturesFor, addinSettings: addinSettings,
    signatureMarkup: signatureMarkup, insertSignature: insertSignature, setHeaders: setHeaders, readDraft: readDraft, alertFor: alertFor,
    onNewMessageComposeHandler: onNewMessageComposeHandler, onMessageSendHandler: onMessageSendHandler,
  };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.EnvoiAddin = api;
    if (root.Office && Office.actions && typeof Office.actions.associate === "function") {
      Office.actions.associate("onNewMessageComposeHandler", onNewMessageComposeHandler);
      Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
    }
  }
})(typeof self !== "undefined" ? self : this);
