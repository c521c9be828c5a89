using Envoi.Core.Campaigns;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures;

namespace Envoi.Core.Tracking;

/// <summary>
/// Counts each signed copy (sender, signature, campaign, day) for the "messages signed" statistic.
/// It runs after the banner stage so the campaign is known, and records through the write-behind
/// queue: a release never waits for statistics.
/// </summary>
public sealed class SignedMessageStage(TrackingRecorder recorder, TimeProvider clock) : IMessageStage
{
    public string Name => "signed-count";

    public ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Noted<SignedCopy>() is { } copy)
            recorder.Signed.Post(new SignedMessage(context.QueueId, copy.Sender.Employee.Id, copy.Signature, context.Noted<BannerInserted>()?.Campaign.Id ?? 0, clock.GetUtcNow()));
        return ValueTask.CompletedTask;
    }
}
