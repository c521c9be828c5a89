using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Envoi.Web.Addin;

/// <summary>
/// The Outlook add-in manifest (XML, <c>OfficeApp</c> of type <c>MailApp</c>): a compose task pane
/// button, OnNewMessageCompose and OnMessageSend (Smart Alerts, soft block) in one event runtime,
/// every URL under this Envoi's public base URL. Element order follows the Office schema, which
/// Outlook validates strictly.
/// </summary>
public static class AddinManifest
{
    /// <summary>Raised whenever the manifest's shape changes, so Outlook takes the new one.</summary>
    public const string Version = "1.0.0.0";

    /// <summary>The ribbon button's id; Smart Alerts' "Don't send" opens this pane.</summary>
    public const string PaneCommandId = "envoiPaneButton";

    /// <summary>Every file the manifest names, relative to <c>/addin/</c>.</summary>
    public static readonly string[] Files = ["taskpane.html", "commands.html", "commands.js", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "icon-128.png"];

    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace Mail = "http://schemas.microsoft.com/office/mailappversionoverrides";
    private static readonly XNamespace Mail11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";

    public static string Build(AddinOptions options, string baseUrl)
    {
        var addin = $"{baseUrl}/addin";
        var origin = new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
        var root = new XElement(App + "OfficeApp",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi), new XAttribute(XNamespace.Xmlns + "bt", Bt), new XAttribute(XNamespace.Xmlns + "mailappor", Mail),
            new XAttribute(Xsi + "type", "MailApp"),
            new XElement(App + "Id", (options.Id ?? IdFor(baseUrl)).ToString()),
            new XElement(App + "Version", Version),
            new XElement(App + "ProviderName", "Envoi"),
            new XElement(App + "DefaultLocale", "en-US"),
            new XElement(App + "DisplayName", new XAttribute("DefaultValue", options.DisplayName)),
            Localized(App + "Description", Texts.Description),
            new XElement(App + "IconUrl", new XAttribute("DefaultValue", $"{addin}/icon-64.png")),
            new XElement(App + "HighResolutionIconUrl", new XAttribute("DefaultValue", $"{addin}/icon-128.png")),
            new XElement(App + "SupportUrl", new XAttribute("DefaultValue", $"{baseUrl}/portal")),
            new XElement(App + "AppDomains", new XElement(App + "AppDomain", origin)),
            new XElement(App + "Hosts", new XElement(App + "Host", new XAttribute("Name", "Mailbox"))),
            new XElement(App + "Requirements", new XElement(App + "Sets", new XElement(App + "Set", new XAttribute("Name", "Mailbox"), new XAttribute("MinVersion", "1.1")))),
            new XElement(App + "FormSettings", new XElement(App + "Form", new XAttribute(Xsi + "type", "ItemEdit"),
                new XElement(App + "DesktopSettings", new XElement(App + "SourceLocation", new XAttribute("DefaultValue", $"{addin}/taskpane.html"))))),
            // Internet headers, the body and the signature are written: the item must be writable.
            new XElement(App + "Permissions", "ReadWriteItem"),
            new XElement(App + "Rule", new XAttribute(Xsi + "type", "RuleCollection"), new XAttribute("Mode", "Or"),
                new XElement(App + "Rule", new XAttribute(Xsi + "type", "ItemIs"), new XAttribute("ItemType", "Message"), new XAttribute("FormType", "Edit"))),
            new XElement(Mail + "VersionOverrides", new XAttribute(Xsi + "type", "VersionOverridesV1_0"), VersionOverrides11(options, addin)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root;
    }

    /// <summary>Event-based activation and Smart Alerts need requirement set 1.12 and the 1.1 overrides.</summary>
    private static XElement VersionOverrides11(AddinOptions options, string addin) =>
        new(Mail11 + "VersionOverrides", new XAttribute(Xsi + "type", "VersionOverridesV1_1"),
            new XElement(Mail11 + "Requirements", new XElement(Bt + "Sets", new XAttribute("DefaultMinVersion", "1.12"), new XElement(Bt + "Set", new XAttribute("Name", "Mailbox")))),
            new XElement(Mail11 + "Hosts", new XElement(Mail11 + "Host", new XAttribute(Xsi + "type", "MailHost"),
                // One runtime for both events: an HTML page (Outlook on the web, new Outlook, Mac) and the
                // same handlers as a bare script for classic Outlook on Windows, which runs JavaScript only.
                new XElement(Mail11 + "Runtimes", new XElement(Mail11 + "Runtime", new XAttribute("resid", "Runtime.Url"),
                    new XElement(Mail11 + "Override", new XAttribute("type", "javascript"), new XAttribute("resid", "RuntimeScript.Url")))),
                new XElement(Mail11 + "DesktopFormFactor",
                    new XElement(Mail11 + "FunctionFile", new XAttribute("resid", "Runtime.Url")),
                    new XElement(Mail11 + "ExtensionPoint", new XAttribute(Xsi + "type", "MessageComposeCommandSurface"),
                        new XElement(Mail11 + "OfficeTab", new XAttribute("id", "TabDefault"),
                            new XElement(Mail11 + "Group", new XAttribute("id", "envoiComposeGroup"),
                                new XElement(Mail11 + "Label", new XAttribute("resid", "Group.Label")),
                                new XElement(Mail11 + "Control", new XAttribute(Xsi + "type", "Button"), new XAttribute("id", PaneCommandId),
                                    new XElement(Mail11 + "Label", new XAttribute("resid", "Pane.Label")),
                                    new XElement(Mail11 + "Supertip", new XElement(Mail11 + "Title", new XAttribute("resid", "Pane.Label")), new XElement(Mail11 + "Description", new XAttribute("resid", "Pane.Tooltip"))),
                                    new XElement(Mail11 + "Icon", Icon(16), Icon(32), Icon(80)),
                                    new XElement(Mail11 + "Action", new XAttribute(Xsi + "type", "ShowTaskpane"), new XElement(Mail11 + "SourceLocation", new XAttribute("resid", "Pane.Url"))))))),
                    new XElement(Mail11 + "ExtensionPoint", new XAttribute(Xsi + "type", "LaunchEvent"),
                        new XElement(Mail11 + "LaunchEvents",
                            // Only with Addin:InsertSignature: otherwise nothing is done when a draft opens,
                            // and Outlook need not start the runtime for every new message.
                            options.InsertSignature ? new XElement(Mail11 + "LaunchEvent", new XAttribute("Type", "OnNewMessageCompose"), new XAttribute("FunctionName", "onNewMessageComposeHandler")) : null,
                            // Soft block: a finding stops the send until the sender decides; if Envoi cannot be
                            // reached the message still goes (and the gateway checks it anyway).
                            new XElement(Mail11 + "LaunchEvent", new XAttribute("Type", "OnMessageSend"), new XAttribute("FunctionName", "onMessageSendHandler"), new XAttribute("SendMode", "SoftBlock"))),
                        new XElement(Mail11 + "SourceLocation", new XAttribute("resid", "Runtime.Url")))))),
            new XElement(Mail11 + "Resources",
                new XElement(Bt + "Images", new[] { 16, 32, 80 }.Select(size => new XElement(Bt + "Image", new XAttribute("id", $"Icon.{size}"), new XAttribute("DefaultValue", $"{addin}/icon-{size}.png")))),
                new XElement(Bt + "Urls",
                    Url("Pane.Url", $"{addin}/taskpane.html"), Url("Runtime.Url", $"{addin}/commands.html"), Url("RuntimeScript.Url", $"{addin}/commands.js")),
                new XElement(Bt + "ShortStrings", LocalizedString("Group.Label", Texts.GroupLabel), LocalizedString("Pane.Label", Texts.PaneLabel)),
                new XElement(Bt + "LongStrings", LocalizedString("Pane.Tooltip", Texts.PaneTooltip))));

    private static XElement Icon(int size) => new(Bt + "Image", new XAttribute("size", size), new XAttribute("resid", $"Icon.{size}"));

    private static XElement Url(string id, string value) => new(Bt + "Url", new XAttribute("id", id), new XAttribute("DefaultValue", value));

    private static XElement Localized(XName name, IReadOnlyDictionary<string, string> texts) =>
        new(name, new XAttribute("DefaultValue", texts["en-US"]),
            texts.Where(t => t.Key != "en-US").Select(t => new XElement(App + "Override", new XAttribute("Locale", t.Key), new XAttribute("Value", t.Value))));

    private static XElement LocalizedString(string id, IReadOnlyDictionary<string, string> texts) =>
        new(Bt + "String", new XAttribute("id", id), new XAttribute("DefaultValue", texts["en-US"]),
            texts.Where(t => t.Key != "en-US").Select(t => new XElement(Bt + "Override", new XAttribute("Locale", t.Key), new XAttribute("Value", t.Value))));

    /// <summary>A name-based GUID (RFC 9562 version 5 layout over SHA-1) of the base URL: the same deployment always gets the same id.</summary>
    public static Guid IdFor(string baseUrl)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("envoi-outlook-addin:" + baseUrl.TrimEnd('/').ToLowerInvariant()));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The manifest's strings in the languages the check sentences speak.</summary>
    private static class Texts
    {
        public static readonly Dictionary<string, string> Description = new()
        {
            ["en-US"] = "Pick and preview your Envoi signature, and see Envoi's send-safety checks before a message leaves.",
            ["fr-FR"] = "Choisissez et prévisualisez votre signature Envoi, et voyez les contrôles d'envoi d'Envoi avant qu'un message ne parte.",
            ["de-DE"] = "Wählen Sie Ihre Envoi-Signatur mit Vorschau und sehen Sie die Versandprüfungen von Envoi, bevor eine Nachricht hinausgeht.",
            ["es-ES"] = "Elija y previsualice su firma de Envoi y vea las comprobaciones de envío de Envoi antes de que salga un mensaje.",
        };
        public static readonly Dictionary<string, string> GroupLabel = new() { ["en-US"] = "Envoi", ["fr-FR"] = "Envoi", ["de-DE"] = "Envoi", ["es-ES"] = "Envoi" };
        public static readonly Dictionary<string, string> PaneLabel = new() { ["en-US"] = "Signature", ["fr-FR"] = "Signature", ["de-DE"] = "Signatur", ["es-ES"] = "Firma" };
        public static readonly Dictionary<string, string> PaneTooltip = new()
        {
            ["en-US"] = "Choose the signature Envoi adds to this message and see your undo window.",
            ["fr-FR"] = "Choisissez la signature qu'Envoi ajoute à ce message et voyez votre délai d'annulation.",
            ["de-DE"] = "Wählen Sie die Signatur, die Envoi dieser Nachricht hinzufügt, und sehen Sie Ihr Rückruf-Zeitfenster.",
            ["es-ES"] = "Elija la firma que Envoi añade a este mensaje y vea su plazo para deshacer el envío.",
        };
    }
}
