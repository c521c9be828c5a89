namespace Envoi.Core.Pipeline;

/// <summary>Runs the stages in the order they were declared; protected messages pass only through stages that accept them.</summary>
public sealed class MessagePipeline(IReadOnlyList<IMessageStage> stages)
{
    public IReadOnlyList<IMessageStage> Stages => stages;

    public async ValueTask RunAsync(MessageContext context, CancellationToken cancellationToken)
    {
        foreach (var stage in stages)
        {
            if (context.IsProtected && !stage.RunsOnProtectedMessages) continue;
            await stage.ProcessAsync(context, cancellationToken);
        }
    }
}
