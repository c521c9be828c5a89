namespace Envoi.Core.Pipeline;

/// <summary>
/// One step between release and relay (signature, banner, link tracking, DKIM…). A stage sees the
/// parsed message and who sent it, never a socket, and changes the message in place. The stages and
/// their order are declared once, in the host's <c>GatewayPipeline</c>.
/// </summary>
public interface IMessageStage
{
    /// <summary>Shown in logs and the architecture page.</summary>
    string Name { get; }

    /// <summary>True for stages that must also run on protected messages (none change them; DKIM does not).</summary>
    bool RunsOnProtectedMessages => false;

    ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken);
}
