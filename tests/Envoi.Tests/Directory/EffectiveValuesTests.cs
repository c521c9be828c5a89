using Envoi.Core.Directory;

namespace Envoi.Tests.DirectoryTests;

public sealed class EffectiveValuesTests
{
    private static readonly AttributeDefinition Mobile = new("mobile", "Mobile", AttributeType.Phone, AttributeRight.Editable, true);
    private static readonly AttributeOverride Own = new("mobile", "+33 6 99 99 99 99", "alice@example.com", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Override_wins_while_the_attribute_is_editable()
    {
        var view = EffectiveValues.View(Mobile, "+33 6 00 00 00 00", Own);
        Assert.True(view.OverrideApplies);
        Assert.Equal("+33 6 99 99 99 99", view.Effective);
        Assert.Null(view.RefusalReason);
    }

    [Theory]
    [InlineData(AttributeRight.ReadOnly)]
    [InlineData(AttributeRight.Hidden)]
    public void Revoking_the_right_falls_back_to_the_directory_value_but_keeps_the_override(AttributeRight right)
    {
        var view = EffectiveValues.View(Mobile with { Right = right }, "+33 6 00 00 00 00", Own);
        Assert.False(view.OverrideApplies);
        Assert.Equal("+33 6 00 00 00 00", view.Effective);
        Assert.Same(Own, view.Override);
        Assert.NotNull(view.RefusalReason);
    }

    [Fact]
    public void Without_override_or_directory_value_the_effective_value_is_empty()
    {
        Assert.Equal("", EffectiveValues.View(Mobile, null, null).Effective);
    }

    [Fact]
    public void Resolve_gives_signatures_the_effective_values_and_the_email()
    {
        var employee = new Employee(1, "alice@example.com", true, new Dictionary<string, string> { ["mobile"] = "+33 6 00 00 00 00", ["jobTitle"] = "CFO" }, [], [], "import", DateTimeOffset.UnixEpoch);
        var values = EffectiveValues.Resolve(StandardAttributes.All, employee, new Dictionary<string, AttributeOverride> { ["mobile"] = Own, ["jobTitle"] = new("jobTitle", "Boss", "alice@example.com", DateTimeOffset.UnixEpoch) });
        Assert.Equal("+33 6 99 99 99 99", values["mobile"]);
        Assert.Equal("CFO", values["jobTitle"]); // read-only: the employee's override is ignored
        Assert.Equal("alice@example.com", values["email"]);
        Assert.False(values.ContainsKey("linkedin"));
    }
}

public sealed class AttributeValidatorTests
{
    private static AttributeDefinition Of(AttributeType type, string? pattern = null) => new("x", "X", type, AttributeRight.Editable, false, pattern);

    [Theory]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("(555) 123-4567")]
    [InlineData("+1.555.123.4567")]
    public void Phones_that_are_phones_pass(string phone) => Assert.True(AttributeValidator.Validate(Of(AttributeType.Phone), phone).IsValid);

    [Theory]
    [InlineData("call me", "digits")]
    [InlineData("12345", "5 digits")]
    [InlineData("+33 1 23 45 67 89 01 23 45", "17 digits")]
    [InlineData("33+1234567", "+ may only come first")]
    public void Phones_that_are_not_are_refused_with_the_reason(string phone, string reason)
    {
        var result = AttributeValidator.Validate(Of(AttributeType.Phone), phone);
        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error);
    }

    [Theory]
    [InlineData(AttributeType.Url, "javascript:alert(1)", false)]
    [InlineData(AttributeType.Url, "ftp://example.com/x", false)]
    [InlineData(AttributeType.Url, "www.example.com", false)]
    [InlineData(AttributeType.Url, "https://www.linkedin.com/in/alice", true)]
    [InlineData(AttributeType.Image, "/assets/logo.png", true)]
    [InlineData(AttributeType.Url, "/assets/logo.png", false)]
    [InlineData(AttributeType.Email, "not-an-address", false)]
    [InlineData(AttributeType.Email, "Alice@Example.com", true)]
    [InlineData(AttributeType.Text, "line\nbreak", false)]
    public void Values_are_checked_by_type(AttributeType type, string value, bool valid) =>
        Assert.Equal(valid, AttributeValidator.Validate(Of(type), value).IsValid);

    [Fact]
    public void Custom_pattern_applies_to_the_whole_value()
    {
        Assert.True(AttributeValidator.Validate(Of(AttributeType.Text, "[A-Z]{3}-[0-9]{4}"), "ABC-1234").IsValid);
        Assert.False(AttributeValidator.Validate(Of(AttributeType.Text, "[A-Z]{3}-[0-9]{4}"), "xABC-1234").IsValid);
    }

    [Fact]
    public void Huge_cell_is_refused_with_its_size()
    {
        var result = AttributeValidator.Validate(Of(AttributeType.Text), new string('a', 10 * 1024 * 1024));
        Assert.Contains("10485760 characters", result.Error);
    }
}
