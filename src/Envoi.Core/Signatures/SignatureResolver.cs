using Envoi.Core.Addresses;
using Envoi.Core.Directory;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures.Placement;
using Envoi.Core.Signatures.Rules;
using MimeKit;

namespace Envoi.Core.Signatures;

/// <summary>
/// Decides which signature each recipient of a message gets, and why. Precedence, highest first:
/// an enforced rule; the <c>X-Envoi-Signature</c> header naming a signature the sender may use; the
/// sender's own default for the context (new/reply × internal/external); the first matching rule.
/// Recipients that end up with the same decision share one copy of the message.
/// </summary>
public sealed class SignatureResolver(ISignatureStore store, IDirectoryStore directory, AttributeCatalog catalog, SignatureOptions options, OrganizationDomains organization, TimeProvider clock)
{
    /// <summary>
    /// The plan for a real message: its author (the envelope sender, who authenticated, then the From
    /// address for connector mail sent on someone's behalf), its kind and its <c>X-Envoi-Signature</c>.
    /// </summary>
    public Task<SignaturePlan> PlanAsync(string envelopeSender, MimeMessage message, IReadOnlyList<string> recipients, CancellationToken ct) =>
        PlanAsync([envelopeSender, .. message.From.Mailboxes.Select(m => m.Address).Take(1)], recipients, MessageKinds.Detect(message),
            message.Headers[SignatureStage.ChoiceHeader], ct);

    /// <param name="senderAddresses">Envelope sender first, then the From address: the first active employee found is the author.</param>
    public async Task<SignaturePlan> PlanAsync(IReadOnlyList<string> senderAddresses, IReadOnlyList<string> recipients, MessageKind kind, string? requested, CancellationToken ct)
    {
        var sender = await FindSenderAsync(senderAddresses, ct);
        if (sender is null)
            return new SignaturePlan(null, [new SignatureDecision(recipients, null, null,
                $"{string.Join(" / ", senderAddresses.Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))} is not an active employee in the directory", [], Missing: true)]);

        var rules = await store.RulesAsync(ct);
        var choices = await store.ChoicesAsync(sender.Employee.Id, ct);
        var templates = (await store.TemplatesAsync(ct)).ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var facts = await RecipientFactsAsync(sender, recipients, ct);
        var at = clock.GetUtcNow();

        SignatureDecision Decide(IReadOnlyList<RecipientFacts> group)
        {
            var message = new MessageFacts(new SenderFacts(sender.Employee.Email, sender.Values, sender.Employee.Groups), group, kind, at);
            var match = RuleEvaluator.Evaluate(rules, message);
            var context = SignatureContexts.Of(kind, message.AllInternal);
            var trace = match.Trace.ToList();
            var (name, reason) = Choose(match, choices, context, requested, trace);
            var addresses = group.Select(r => r.Address).ToList();
            if (name is null) return new SignatureDecision(addresses, null, match.Rule?.Then.BannerSlot, reason, trace, Missing: match.Rule is null && reason == NoRule);
            if (!templates.TryGetValue(name, out var template))
                return new SignatureDecision(addresses, null, null, $"{reason} names signature '{name}', which does not exist", trace, Missing: true);
            return new SignatureDecision(addresses, template, match.Rule?.Then.BannerSlot, reason, trace, InThread: InThread(match, name, templates, trace),
                ReplaceSignOff: match.Rule?.Then.MobileSignOff == MobileSignOff.Replace);
        }

        if (!options.SplitByRecipient || facts.Count <= 1)
            return new SignaturePlan(sender, [Decide(facts)]);

        // One decision per recipient, then one copy per distinct decision, in recipient order.
        var copies = new List<SignatureDecision>();
        foreach (var decision in facts.Select(f => Decide([f])))
        {
            var same = copies.FindIndex(c => SameOutcome(c, decision));
            if (same < 0) copies.Add(decision);
            else copies[same] = copies[same] with { Recipients = [.. copies[same].Recipients, .. decision.Recipients] };
        }
        return new SignaturePlan(sender, copies);
    }

    private const string NoRule = "no rule applies";

    private static (string? Name, string Reason) Choose(RuleMatch match, EmployeeSignatureChoices choices, SignatureContext context, string? requested, List<string> trace)
    {
        var rule = match.Rule;
        var ruleLabel = rule is null ? "" : $"rule {match.Index + 1} '{rule.Name}'";
        if (rule is { Then.Enforced: true })
        {
            if (requested is not null) trace.Add($"X-Envoi-Signature: {requested} ignored: {ruleLabel} is enforced");
            return (rule.Then.Signature, $"{ruleLabel} (enforced)");
        }
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var wanted = requested.Trim();
            if (choices.Allows(wanted) || string.Equals(wanted, rule?.Then.Signature, StringComparison.OrdinalIgnoreCase))
                return (wanted.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : wanted, $"X-Envoi-Signature: {wanted}");
            trace.Add($"X-Envoi-Signature: {wanted} ignored: the sender may not use that signature");
        }
        if (choices.Defaults.TryGetValue(context, out var preferred) && choices.Allows(preferred))
            return (preferred.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : preferred, $"the sender's default for {context.ToWire()}");
        if (rule is null) return (null, NoRule);
        return (rule.Then.Signature, ruleLabel);
    }

    /// <summary>The rule's once-per-thread option, when the signature is the rule's own choice (a sender's explicit pick stands).</summary>
    private static OncePerThread? InThread(RuleMatch match, string chosen, Dictionary<string, SignatureTemplate> templates, List<string> trace)
    {
        if (match.Rule is not { Then.OncePerThread: { } instead } rule || !string.Equals(chosen, rule.Then.Signature, StringComparison.OrdinalIgnoreCase))
            return null;
        if (instead.Equals(RuleOutcome.None, StringComparison.OrdinalIgnoreCase)) return new OncePerThread(null);
        if (templates.TryGetValue(instead, out var template)) return new OncePerThread(template);
        trace.Add($"once per thread ignored: signature '{instead}' does not exist");
        return null;
    }

    private static bool SameOutcome(SignatureDecision a, SignatureDecision b) =>
        string.Equals(a.Template?.Name, b.Template?.Name, StringComparison.OrdinalIgnoreCase) && a.BannerSlot == b.BannerSlot
        && string.Equals(a.InThread?.Instead?.Name, b.InThread?.Instead?.Name, StringComparison.OrdinalIgnoreCase) && (a.InThread is null) == (b.InThread is null) && a.ReplaceSignOff == b.ReplaceSignOff;

    /// <summary>The first of the addresses that is an active employee, with their effective values.</summary>
    public async Task<SignatureSender?> FindSenderAsync(IReadOnlyList<string> addresses, CancellationToken ct)
    {
        foreach (var address in addresses.Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var employee = await directory.FindAsync(address, ct);
            if (employee is not { Active: true }) continue;
            var values = EffectiveValues.Resolve(await catalog.AllAsync(ct), employee, await directory.OverridesAsync(employee.Id, ct));
            return new SignatureSender(employee, values);
        }
        return null;
    }

    private async Task<IReadOnlyList<RecipientFacts>> RecipientFactsAsync(SignatureSender sender, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        var internalDomains = InternalDomains(sender.Employee.Email);
        var facts = new List<RecipientFacts>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var domain = AddressSyntax.DomainOf(recipient);
            var isInternal = internalDomains.Contains(domain);
            // A colleague's language is in the directory; a customer's is guessed from the domain.
            string? language = null;
            if (isInternal && facts.Count < 100)
                language = (await directory.FindAsync(recipient, ct))?[StandardAttributes.PreferredLanguage];
            else if (!isInternal)
                language = RecipientLanguage.Guess(domain, options.DomainLanguages);
            facts.Add(new RecipientFacts(recipient, domain, isInternal, string.IsNullOrWhiteSpace(language) ? null : language));
        }
        return facts;
    }

    /// <summary>The domains counted as colleagues for this sender (also used by campaigns targeting external recipients).</summary>
    public HashSet<string> InternalDomains(string senderEmail) => organization.For(senderEmail);
}


/// <summary>
/// One copy of the message: its recipients, the signature they get (null for none) and why.
/// <see cref="Missing"/> tells a forgotten case (no rule applies, unknown sender, deleted template)
/// from a chosen "no signature". <see cref="InThread"/> is what replaces the signature on a reply
/// whose quoted thread already holds it (the rule's once-per-thread option); <see cref="ReplaceSignOff"/>,
/// whether the signature takes the place of a mobile sign-off line.
/// </summary>
public sealed record SignatureDecision(IReadOnlyList<string> Recipients, SignatureTemplate? Template, string? BannerSlot, string Reason, IReadOnlyList<string> Trace,
    bool Missing = false, OncePerThread? InThread = null, bool ReplaceSignOff = false);

/// <summary>Once per thread: the signature used instead when the thread already holds the chosen one; null for none.</summary>
public sealed record OncePerThread(SignatureTemplate? Instead);

/// <summary>How a message is signed: by whom, and the copies it is split into (one when everyone gets the same).</summary>
public sealed record SignaturePlan(SignatureSender? Sender, IReadOnlyList<SignatureDecision> Copies);
