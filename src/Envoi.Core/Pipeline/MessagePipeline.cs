namespace Envoi.Core.Pipeline;

/// <summary>Runs the registered stages in their fixed order; protected messages pass only through stages that accept them.</summary>
public sealed class MessagePipeline(IEnumerable<IMessageStage> stages)
{
    private readonly IMessageStage[] _stages = stages.OrderBy(s => s.Order).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<IMessageStage> Stages => _stages;

    public async ValueTask<StageResult> RunAsync(MessageContext context, CancellationToken cancellationToken)
    {
        foreach (var stage in _stages)
        {
            if (context.IsProtected && !stage.RunsOnProtectedMessages) continue;
            var result = await stage.ProcessAsync(context, cancellationToken);
            if (!result.Continue) return result;
        }
        return StageResult.Next;
    }
}
