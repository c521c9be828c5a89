using System.Text.RegularExpressions;
using Envoi.Core.Addresses;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>What the checks look at: the parsed message, its envelope, and who sends it.</summary>
public sealed record CheckInput(MimeMessage Message, string Sender, IReadOnlyList<string> Recipients, long SizeBytes, IReadOnlyList<string> SenderGroups, string? Language);

/// <summary>Whom the organization has written to, from relayed mail.</summary>
public interface IMailHistory
{
    /// <summary>Recipient domains, for the look-alike check.</summary>
    Task<IReadOnlyCollection<string>> KnownDomainsAsync(CancellationToken ct);

    /// <summary>The sender's past recipients and how many messages each received.</summary>
    Task<IReadOnlyDictionary<string, int>> ContactsOfAsync(string sender, CancellationToken ct);
}

/// <summary>Whether the signature rules leave a message without a signature by mistake (no rule applies, unknown sender).</summary>
public interface ISignatureCoverage
{
    /// <returns>Why no signature would be added, or null when one would (or when none is intended).</returns>
    Task<string?> MissingBecauseAsync(MimeMessage message, string sender, IReadOnlyList<string> recipients, CancellationToken ct);
}

/// <summary>
/// Runs every enabled send-safety check on a message and says, per finding, what to do about it
/// (the organization's policy, or the sender's groups'). Checks that are off cost nothing.
/// </summary>
public sealed class SendSafetyChecks(CheckOptions options, IMailHistory history, ISignatureCoverage? signatures = null)
{
    public async Task<CheckVerdict> RunAsync(CheckInput input, CancellationToken ct)
    {
        // Nobody is there to confirm an out-of-office or a delivery report, and they answer mail
        // that was received: holding or refusing them would only lose them.
        if (Pipeline.ProtectedMessage.IsAutomatic(input.Message)) return CheckVerdict.Clean;
        var findings = new List<CheckFinding>();
        CheckAction ActionOf(string check) => options.ActionFor(check, input.SenderGroups);
        void Add(string check, params object[] values) => findings.Add(new CheckFinding(check, ActionOf(check), CheckSentences.For(check, input.Language, values)));

        // Extracting the author's text may parse HTML: done once, for every check that reads it.
        var authorText = new Lazy<string>(() => AuthorText.Of(input.Message));

        if (ActionOf(CheckIds.ForgottenAttachment) != CheckAction.Off && ForgottenAttachmentCheck.Find(input.Message, authorText.Value) is { } phrase)
            Add(CheckIds.ForgottenAttachment, phrase);

        var internalDomains = options.InternalDomains.Count > 0
            ? options.InternalDomains.Select(d => d.ToLowerInvariant()).ToHashSet()
            : new HashSet<string> { AddressSyntax.DomainOf(input.Sender) };
        var recipientDomains = input.Recipients.Select(AddressSyntax.DomainOf).Distinct().ToList();
        var external = recipientDomains.Where(d => !internalDomains.Contains(d)).ToList();

        if (ActionOf(CheckIds.LookalikeDomain) != CheckAction.Off && external.Count > 0)
        {
            var known = (await history.KnownDomainsAsync(ct)).Concat(options.KnownDomains).Concat(internalDomains)
                .Select(d => d.ToLowerInvariant()).ToHashSet();
            foreach (var domain in external)
                if (LookalikeDomains.Imitated(domain, known) is { } imitated) Add(CheckIds.LookalikeDomain, domain, imitated);
        }

        if (ActionOf(CheckIds.FirstTimeRecipient) != CheckAction.Off && input.Sender.Length > 0)
        {
            // A first-time recipient one or two keystrokes from someone the sender writes to often.
            var contacts = await history.ContactsOfAsync(input.Sender, ct);
            foreach (var recipient in input.Recipients.Select(r => r.ToLowerInvariant()).Distinct().Where(r => !contacts.ContainsKey(r)))
            {
                var near = contacts.Where(c => c.Value >= options.FrequentContactMessages && LookalikeDomains.Distance(recipient, c.Key) <= 2)
                    .OrderByDescending(c => c.Value).Select(c => c.Key).FirstOrDefault();
                if (near is not null) Add(CheckIds.FirstTimeRecipient, recipient, near);
            }
        }

        if (ActionOf(CheckIds.SensitiveData) != CheckAction.Off)
        {
            var text = $"{input.Message.Subject}\n{authorText.Value}";
            var found = SensitiveData.Find(text).Select(m => $"{m.Kind} {m.Masked}").ToList();
            foreach (var pattern in options.SensitivePatterns)
                if (Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50))) found.Add(pattern);
            if (found.Count > 0) Add(CheckIds.SensitiveData, string.Join(", ", found));
        }

        if (ActionOf(CheckIds.EmptySubject) != CheckAction.Off && string.IsNullOrWhiteSpace(input.Message.Subject))
            Add(CheckIds.EmptySubject);

        var visible = input.Message.To.Mailboxes.Count() + input.Message.Cc.Mailboxes.Count();
        if (ActionOf(CheckIds.ManyRecipients) != CheckAction.Off && visible > options.MaxVisibleRecipients)
            Add(CheckIds.ManyRecipients, visible);

        if (external.Count > 0)
        {
            var mixed = external.Count < recipientDomains.Count;
            if (mixed && ActionOf(CheckIds.MixedRecipients) != CheckAction.Off) Add(CheckIds.MixedRecipients, string.Join(", ", external));
            else if (ActionOf(CheckIds.ExternalRecipients) != CheckAction.Off) Add(CheckIds.ExternalRecipients, string.Join(", ", external));
        }

        if (ActionOf(CheckIds.MessageSize) != CheckAction.Off && input.SizeBytes > options.MaxMessageBytes)
            Add(CheckIds.MessageSize, Math.Round(input.SizeBytes / 1048576.0, 1), Math.Round(options.MaxMessageBytes / 1048576.0, 1));

        if (signatures is not null && ActionOf(CheckIds.MissingSignature) != CheckAction.Off
            && await signatures.MissingBecauseAsync(input.Message, input.Sender, input.Recipients, ct) is { } why)
            Add(CheckIds.MissingSignature, why);

        return findings.Count == 0 ? CheckVerdict.Clean : new CheckVerdict(findings);
    }
}
