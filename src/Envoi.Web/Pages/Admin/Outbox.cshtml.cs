using Envoi.Core.Outbox;
using Envoi.Web.Console;

namespace Envoi.Web.Pages.Admin;

public sealed class OutboxModel(OutboxService outbox) : OutboxPageModel(outbox);
