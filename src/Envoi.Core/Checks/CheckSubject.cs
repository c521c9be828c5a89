using Envoi.Core.Addresses;
using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>
/// A message as the checks see it. What several checks need (the author's text, which recipient
/// domains are outside the organization) is worked out once, and only when a check asks for it.
/// </summary>
public sealed class CheckSubject
{
    private readonly Lazy<string> _authorText;
    private readonly Func<string, CheckAction> _actionOf;

    public CheckSubject(CheckInput input, CheckOptions options, Func<string, CheckAction> actionOf)
    {
        Input = input;
        _actionOf = actionOf;
        // Extracting the author's text may parse HTML: done once, for every check that reads it.
        _authorText = new Lazy<string>(() => Checks.AuthorText.Of(input.Message));
        InternalDomains = options.InternalDomains.Count > 0
            ? options.InternalDomains.Select(d => d.ToLowerInvariant()).ToHashSet()
            : new HashSet<string> { AddressSyntax.DomainOf(input.Sender) };
        RecipientDomains = input.Recipients.Select(AddressSyntax.DomainOf).Distinct().ToList();
        ExternalDomains = RecipientDomains.Where(d => !InternalDomains.Contains(d)).ToList();
    }

    public CheckInput Input { get; }
    public MimeMessage Message => Input.Message;

    /// <summary>What the author wrote: no quoted thread, no signature (<see cref="Checks.AuthorText"/>).</summary>
    public string AuthorText => _authorText.Value;

    /// <summary>The organization's domains (configured, else the sender's).</summary>
    public IReadOnlySet<string> InternalDomains { get; }

    /// <summary>The envelope recipients' domains, each once.</summary>
    public IReadOnlyList<string> RecipientDomains { get; }

    /// <summary>The recipient domains outside the organization.</summary>
    public IReadOnlyList<string> ExternalDomains { get; }

    /// <summary>What the policy does with another check's findings for this sender (for checks that defer to one another).</summary>
    public CheckAction ActionOf(string checkId) => _actionOf(checkId);
}
