using Envoi.Core.Outbox;
using Envoi.Web.Console;
using Envoi.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Envoi.Web.Pages.Admin;

public sealed class OutboxModel(OutboxService outbox, IStringLocalizer<ConsoleText> text) : OutboxPageModel(outbox, text);
