using Envoi.Core.Mime;
using Envoi.Core.Observability;
using Envoi.Core.Pipeline;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures.Placement;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Envoi.Core.Signatures;

/// <summary>
/// Adds the sender's signature at release time, so the template and directory values in force when
/// the message leaves are the ones used. Runs once per copy: when recipients call for different
/// signatures, <see cref="SignaturePartitioner"/> has already split them.
/// </summary>
public sealed class SignatureStage(SignatureResolver resolver, SignatureComposer composer, SignatureOptions options, ILogger<SignatureStage> logger) : IMessageStage
{
    /// <summary>Lets the author pick one of their allowed signatures (or "none") for one message.</summary>
    public const string ChoiceHeader = "X-Envoi-Signature";

    public string Name => "signature";

    public async ValueTask ProcessAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (!options.Enabled) return;
        var plan = await resolver.PlanAsync(context.Sender, context.Message, context.Recipients, cancellationToken);
        var decision = plan.Copies[0];
        if (plan.Sender is null || decision.Template is null)
        {
            MailMetrics.Signatures.WithLabels("none").Inc();
            logger.LogInformation("{QueueId}: no signature ({Reason})", context.QueueId, decision.Reason);
            return;
        }
        var template = decision.Template;
        try
        {
            var rendered = await composer.RenderAsync(template, plan.Sender, cancellationToken);
            if (decision.InThread is { } once && MessageKinds.Detect(context.Message) != MessageKind.New && ThreadSignatures.Holds(context.Message, rendered))
            {
                if (once.Instead is null)
                {
                    MailMetrics.Signatures.WithLabels("once-per-thread").Inc();
                    logger.LogInformation("{QueueId}: no signature ({Reason}; once per thread: the quoted thread already holds '{Signature}')", context.QueueId, decision.Reason, template.Name);
                    return;
                }
                template = once.Instead;
                rendered = await composer.RenderAsync(template, plan.Sender, cancellationToken);
            }
            // The injector replaces a part's content when it signs it: an unchanged text part kept
            // its own text (already signed by the author), which later stages must not treat as Envoi's.
            var textBefore = MessageBodies.Of(context.Message).Text?.Content;
            var result = SignatureInjector.Inject(context.Message, rendered, decision.ReplaceSignOff);
            if (result.Outcome == InjectionOutcome.Inserted)
            {
                var textSigned = MessageBodies.Of(context.Message).Text is { } text && !ReferenceEquals(text.Content, textBefore);
                context.Note(new SignedCopy(plan.Sender, template.Name, decision.BannerSlot, context.Recipients, rendered, textSigned ? rendered.Text : null));
            }
            MailMetrics.Signatures.WithLabels(OutcomeLabel(result.Outcome)).Inc();
            logger.LogInformation("{QueueId}: signature '{Signature}' ({Reason}) {Outcome}: {Explanation}",
                context.QueueId, template.Name, template == decision.Template ? decision.Reason : $"{decision.Reason}; once per thread", OutcomeLabel(result.Outcome), result.Explanation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken template or a deleted image must not hold mail hostage: the message leaves
            // without a signature and the admin sees why in the log and the metric.
            MailMetrics.Signatures.WithLabels("failed").Inc();
            logger.LogError(e, "{QueueId}: signature '{Signature}' could not be added; the message leaves without it", context.QueueId, template.Name);
        }
    }

    private static string OutcomeLabel(InjectionOutcome outcome) => outcome switch
    {
        InjectionOutcome.Inserted => "inserted",
        InjectionOutcome.AlreadyPresent => "already-present",
        InjectionOutcome.Protected => "protected",
        _ => "no-text-body",
    };
}

/// <summary>Splits recipients by the signature they get, so each copy carries the right one.</summary>
public sealed class SignaturePartitioner(SignatureResolver resolver, SignatureOptions options) : IRecipientPartitioner
{
    public async ValueTask<IReadOnlyList<IReadOnlyList<string>>> PartitionAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (!options.Enabled || !options.SplitByRecipient || context.Recipients.Count < 2) return [context.Recipients];
        var plan = await resolver.PlanAsync(context.Sender, context.Message, context.Recipients, cancellationToken);
        return plan.Copies.Select(c => c.Recipients).ToList();
    }
}
