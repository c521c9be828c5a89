using MimeKit;

namespace Envoi.Core.Pipeline;

/// <summary>
/// Removes Envoi's own instruction headers (<c>X-Envoi-Send-At</c>, <c>X-Envoi-Signature</c>, …)
/// so they never reach recipients. Runs on protected messages too: these headers are outside any
/// signed MIME part, and a DKIM signature would be added after this stage anyway.
/// </summary>
public sealed class RemoveEnvoiHeadersStage : IMessageStage
{
    public string Name => "remove-envoi-headers";

    public bool RunsOnProtectedMessages => true;

    public ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var headers = context.Message.Headers;
        var ours = headers.Where(h => h.Field.StartsWith("X-Envoi-", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var header in ours) headers.Remove(header);
        return ValueTask.CompletedTask;
    }
}
