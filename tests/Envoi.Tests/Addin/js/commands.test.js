// The add-in's event handlers (src/Envoi.Web/Addin/Files/commands.js) with Microsoft's office-addin-mock
// standing in for Outlook, talking to the real Envoi that AddinScriptTests started
// (ENVOI_BASE_URL, ENVOI_TOKEN: Alice, who prefers French; forgotten attachments are refused).
"use strict";
const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { OfficeMockObject } = require("office-addin-mock");

const addin = require(path.join(__dirname, "..", "..", "..", "..", "src", "Envoi.Web", "Addin", "Files", "commands.js"));
const baseUrl = process.env.ENVOI_BASE_URL;
const token = process.env.ENVOI_TOKEN;
assert.ok(baseUrl && token, "run by AddinScriptTests, which starts Envoi");

function succeeded(value) { return { status: "succeeded", value: value }; }

/** An Outlook compose item and roaming settings, recording what the add-in does to them. */
function outlook(draft, signedIn = true) {
  const done = { headers: {}, removed: [], signature: null, clientSignatureDisabled: false, completed: null };
  const settings = signedIn ? { envoiToken: token, envoiBaseUrl: baseUrl } : {};
  const recipients = (list) => ({ getAsync(callback) { callback(succeeded((list || []).map((a) => ({ emailAddress: a, displayName: a })))); } });
  const data = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    context: {
      displayLanguage: "en-US",
      roamingSettings: {
        get(name) { return settings[name]; },
        set(name, value) { settings[name] = value; },
        remove(name) { delete settings[name]; },
        saveAsync(callback) { callback(succeeded()); },
      },
      mailbox: {
        item: {
          from: { getAsync(callback) { callback(succeeded({ emailAddress: "alice@example.com" })); } },
          to: recipients(draft.to), cc: recipients(draft.cc), bcc: recipients(draft.bcc),
          subject: { getAsync(callback) { callback(succeeded(draft.subject || "Offer")); } },
          body: {
            getAsync(coercion, callback) { callback(succeeded(draft.body || "")); },
            getTypeAsync(callback) { callback(succeeded(draft.bodyType || "html")); },
            setSignatureAsync(value, options, callback) { done.signature = { value, options }; callback(succeeded()); },
          },
          getAttachmentsAsync(callback) { callback(succeeded(draft.attachments || [])); },
          getComposeTypeAsync(callback) { callback(succeeded({ composeType: draft.composeType || "newMail", coercionType: "html" })); },
          disableClientSignatureAsync(callback) { done.clientSignatureDisabled = true; callback(succeeded()); },
          internetHeaders: {
            setAsync(headers, callback) { Object.assign(done.headers, headers); callback(succeeded()); },
            removeAsync(names, callback) { names.forEach((n) => { done.removed.push(n); delete done.headers[n]; }); callback(succeeded()); },
          },
        },
      },
    },
  };
  global.Office = new OfficeMockObject(data, "outlook");
  const event = { completed(options) { done.completed = options === undefined ? {} : options; } };
  return { done, event, settings };
}

test("a forgotten attachment stops the send with Envoi's sentence in the sender's language and lets her send anyway", async () => {
  const { done, event } = outlook({ to: ["carl@client.test"], body: "Bonjour,\nvous trouverez ci-joint notre offre.\n" });
  await addin.onMessageSendHandler(event);
  assert.equal(done.completed.allowEvent, false);
  assert.match(done.completed.errorMessage, /^Votre message annonce « ci-joint » mais ne contient aucune pièce jointe\./);
  assert.equal(done.completed.sendModeOverride, "promptUser");
  assert.equal(done.completed.commandId, "envoiPaneButton");
  // "Send anyway" must not be held again by the gateway: the draft carries the confirmation.
  assert.equal(done.headers["X-Envoi-Confirm"], "yes");
  assert.deepEqual(done.removed, ["X-Envoi-Confirm"]);
});

test("with the file attached the same draft is sent, and an old confirmation is taken off", async () => {
  const { done, event } = outlook({ to: ["carl@client.test"], body: "vous trouverez ci-joint notre offre.", attachments: [{ name: "offre.pdf", size: 48213, isInline: false }] });
  done.headers["X-Envoi-Confirm"] = "yes";
  await addin.onMessageSendHandler(event);
  assert.deepEqual(done.completed, { allowEvent: true });
  assert.equal(done.headers["X-Envoi-Confirm"], undefined);
});

test("not signed in, or Envoi out of reach: the message goes (the gateway still checks it)", async () => {
  const out = outlook({ to: ["carl@client.test"], body: "ci-joint" }, false);
  await addin.onMessageSendHandler(out.event);
  assert.deepEqual(out.done.completed, { allowEvent: true });

  const unreachable = outlook({ to: ["carl@client.test"], body: "ci-joint" });
  unreachable.settings.envoiBaseUrl = "http://127.0.0.1:9"; // discard port: nothing listens
  await addin.onMessageSendHandler(unreachable.event);
  assert.deepEqual(unreachable.done.completed, { allowEvent: true });
});

test("a new reply to a customer gets the rules' signature in the draft, wrapped so the gateway recognizes it", async () => {
  const { done, event } = outlook({ to: ["carl@client.test"], composeType: "reply" });
  await addin.onNewMessageComposeHandler(event);
  assert.deepEqual(done.completed, {});
  assert.ok(done.clientSignatureDisabled, "Outlook's own signature is replaced");
  assert.equal(done.signature.options.coercionType, "html");
  assert.match(done.signature.value, /^<div class="envoi-signature" data-envoi-signature="full"><table class="sig"><tbody><tr><td><b>Alice Martin<\/b><br>Account Manager/);
  assert.equal(done.headers["X-Envoi-Signature"], "full");
});

test("a plain-text draft to a colleague gets the text form of the colleagues' signature", async () => {
  const { done, event } = outlook({ to: ["bob@example.com"], bodyType: "text" });
  await addin.onNewMessageComposeHandler(event);
  assert.equal(done.signature.options.coercionType, "text");
  assert.equal(done.signature.value.trim(), "Alice Martin (short)");
  assert.equal(done.headers["X-Envoi-Signature"], "short");
});

test("only warnings and above are shown, within Outlook's 500 characters", () => {
  outlook({});
  assert.equal(addin.alertFor({ findings: [{ id: "empty-subject", action: "log", sentence: "x", sendAnyway: true }] }), null);
  const long = addin.alertFor({ findings: [1, 2, 3, 4, 5, 6].map((i) => ({ id: "sensitive-data", action: "warn", sentence: "y".repeat(100) + i, sendAnyway: true })) });
  assert.equal(long.message.length, 500);
  assert.equal(long.sendAnyway, true);
  const blocked = addin.alertFor({ findings: [{ action: "refuse", sentence: "no", sendAnyway: false }, { action: "warn", sentence: "maybe", sendAnyway: true }] });
  assert.equal(blocked.sendAnyway, false);
  assert.equal(blocked.message, "no\nmaybe");
  assert.equal(addin.signatureMarkup({ name: "a\"<b", html: "<p>x</p>" }, "html"), "<div class=\"envoi-signature\" data-envoi-signature=\"a&quot;&lt;b\"><p>x</p></div>");
});
