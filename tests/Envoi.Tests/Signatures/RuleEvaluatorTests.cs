using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Rules;
using Xunit;

namespace Envoi.Tests.Signatures;

public class RuleEvaluatorTests
{
    private static readonly SenderFacts Alice = new("alice@acme.test",
        new Dictionary<string, string> { ["department"] = "Sales EMEA", ["subsidiary"] = "Acme France", ["preferredLanguage"] = "fr" },
        ["Sales", "Everyone"]);

    private static MessageFacts Facts(MessageKind kind = MessageKind.New, params RecipientFacts[] recipients) =>
        new(Alice, recipients.Length > 0 ? recipients : [Colleague], kind, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    private static readonly RecipientFacts Colleague = new("bob@acme.test", "acme.test", true, "en");
    private static readonly RecipientFacts Customer = new("carl@client.de", "client.de", false, "de");

    private static SignatureRule Rule(string name, RuleConditions when, string? signature = "full") => new(name, when, new RuleOutcome(signature));

    [Fact]
    public void First_matching_rule_wins_and_the_trace_says_why_earlier_ones_did_not()
    {
        var rules = new[]
        {
            Rule("marketing", new RuleConditions { Groups = ["Marketing"] }, "marketing"),
            Rule("external", new RuleConditions { Recipients = RecipientScope.AnyExternal }, "external"),
            Rule("sales", new RuleConditions { Attributes = new Dictionary<string, IReadOnlyList<string>> { ["department"] = ["sales*"] } }, "sales"),
            Rule("everyone", new RuleConditions(), "full"),
        };
        var match = RuleEvaluator.Evaluate(rules, Facts());
        Assert.Equal("sales", match.Rule?.Name);
        Assert.Equal(2, match.Index);
        Assert.Contains("the sender is in none of the groups 'Marketing'", match.Trace[0]);
        Assert.Contains("every recipient is internal", match.Trace[1]);
        Assert.Contains("matches", match.Trace[2]);

        Assert.Equal("external", RuleEvaluator.Evaluate(rules, Facts(MessageKind.New, Colleague, Customer)).Rule?.Name);
    }

    [Fact]
    public void Each_condition_can_fail_and_says_so()
    {
        Assert.Contains("not every recipient is internal (client.de is external)",
            RuleEvaluator.FirstFailure(new RuleConditions { Recipients = RecipientScope.AllInternal }, Facts(MessageKind.New, Colleague, Customer)));
        Assert.Contains("no recipient's domain matches '*.example.com'",
            RuleEvaluator.FirstFailure(new RuleConditions { RecipientDomains = ["*.example.com"] }, Facts(MessageKind.New, Customer)));
        Assert.Null(RuleEvaluator.FirstFailure(new RuleConditions { RecipientDomains = ["*.de"] }, Facts(MessageKind.New, Customer)));
        Assert.Contains("the message is a new, not 'reply', 'forward'",
            RuleEvaluator.FirstFailure(new RuleConditions { Kinds = [MessageKind.Reply, MessageKind.Forward] }, Facts()));
        Assert.Null(RuleEvaluator.FirstFailure(new RuleConditions { Kinds = [MessageKind.Reply] }, Facts(MessageKind.Reply)));
        Assert.Contains("the sender's subsidiary is 'Acme France', not 'Acme GmbH'",
            RuleEvaluator.FirstFailure(new RuleConditions { Attributes = new Dictionary<string, IReadOnlyList<string>> { ["subsidiary"] = ["Acme GmbH"] } }, Facts()));
        Assert.Contains("the rule starts", RuleEvaluator.FirstFailure(new RuleConditions { From = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) }, Facts()));
        Assert.Contains("the rule ended", RuleEvaluator.FirstFailure(new RuleConditions { Until = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) }, Facts()));
    }

    [Fact]
    public void Language_is_the_recipients_when_they_share_one_else_the_senders()
    {
        var german = new RuleConditions { Languages = ["de"] };
        Assert.Null(RuleEvaluator.FirstFailure(german, Facts(MessageKind.New, Customer)));
        // An English colleague and a German customer: no common language, so the sender's (fr) counts.
        Assert.Contains("the language is 'fr'", RuleEvaluator.FirstFailure(german, Facts(MessageKind.New, Colleague, Customer)));
        Assert.True(RuleEvaluator.LanguageMatches("fr", "fr-CA"));
        Assert.False(RuleEvaluator.LanguageMatches("fr-CA", "fr"));
    }

    [Fact]
    public void Disabled_rules_are_skipped_and_no_match_is_explained()
    {
        var match = RuleEvaluator.Evaluate([Rule("off", new RuleConditions()) with { Enabled = false }], Facts());
        Assert.Null(match.Rule);
        Assert.Equal(["rule 1 'off': disabled", "no rule matches"], match.Trace);
    }

    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("example.com", "mail.example.com", false)]
    [InlineData("*.example.com", "mail.example.com", true)]
    [InlineData("*.example.com", "example.com", true)]
    [InlineData("*.example.com", "badexample.com", false)]
    [InlineData("*.de", "client.de", true)]
    [InlineData("*", "anything.org", true)]
    [InlineData("EXAMPLE.com.", "example.COM", true)]
    public void Domain_patterns(string pattern, string domain, bool matches) => Assert.Equal(matches, DomainPattern.Matches(pattern, domain));

    [Theory]
    [InlineData("Sales*", "Sales EMEA", true)]
    [InlineData("sales", "SALES", true)]
    [InlineData("*EMEA", "Sales EMEA", true)]
    [InlineData("S*E*A", "Sales EMEA", true)]
    [InlineData("Sales", "Sales EMEA", false)]
    [InlineData("*Asia*", "Sales EMEA", false)]
    public void Value_patterns(string pattern, string value, bool matches) => Assert.Equal(matches, ValuePattern.Matches(pattern, value));

    [Fact]
    public void Broken_rules_are_refused_before_saving()
    {
        var problems = RuleProblems.Find(
        [
            Rule("a", new RuleConditions { RecipientDomains = ["ex*ample.com"], Languages = ["french!"] }, "missing"),
            Rule("a", new RuleConditions { From = DateTimeOffset.UnixEpoch.AddDays(2), Until = DateTimeOffset.UnixEpoch }),
        ], ["full"]);
        Assert.Contains(problems, p => p.Contains("no signature named 'missing'"));
        Assert.Contains(problems, p => p.Contains("'ex*ample.com' is not a domain pattern"));
        Assert.Contains(problems, p => p.Contains("'french!' is not a language code"));
        Assert.Contains(problems, p => p.Contains("'until'"));
        Assert.Contains(problems, p => p.Contains("two rules are named 'a'"));
    }

    [Fact]
    public void Rules_json_round_trips_and_reports_errors_with_a_line()
    {
        var json = """
            [
              { "name": "external replies", "when": { "recipients": "anyExternal", "kinds": ["reply", "forward"], "recipientDomains": ["*.de"] },
                "then": { "signature": "short", "bannerSlot": "footer", "enforced": true } },
              { "name": "default", "when": {}, "then": { "signature": null } }
            ]
            """;
        var (rules, error) = RulesJson.Read(json);
        Assert.Null(error);
        Assert.Equal(RecipientScope.AnyExternal, rules![0].When.Recipients);
        Assert.Equal([MessageKind.Reply, MessageKind.Forward], rules[0].When.Kinds);
        Assert.True(rules[0].Then.Enforced);
        Assert.Null(rules[1].Then.Signature);

        var (_, bad) = RulesJson.Read("[\n { \"name\": \"x\", \"when\": { \"recipients\": \"somewhere\" }, \"then\": {} }\n]");
        Assert.Contains("line 2", bad);
        Assert.Contains("every rule needs", RulesJson.Read("[ { \"name\": \"x\" } ]").Error);
    }

    [Theory]
    [InlineData("client.de", "de")]
    [InlineData("mail.client.fr", "fr")]
    [InlineData("client.com", null)]
    [InlineData("client.be", null)]
    [InlineData("partner.com", "it")]
    [InlineData("eu.partner.com", "it")]
    public void Recipient_language_is_configured_or_guessed_from_the_country(string domain, string? language) =>
        Assert.Equal(language, RecipientLanguage.Guess(domain, new Dictionary<string, string> { ["partner.com"] = "it" }));
}
