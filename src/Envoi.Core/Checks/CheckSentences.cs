using System.Globalization;

namespace Envoi.Core.Checks;

/// <summary>
/// A finding in the sender's language (the directory's preferred language; English when the check
/// does not speak it). Each check carries its own sentences (<see cref="ISendSafetyCheck.Sentences"/>).
/// </summary>
public static class CheckSentences
{
    public static string For(ISendSafetyCheck check, string? language, params object[] values)
    {
        var code = (language ?? "en").Split('-', '_')[0].ToLowerInvariant();
        return string.Format(CultureInfo.InvariantCulture, check.Sentences.GetValueOrDefault(code) ?? check.Sentences["en"], values);
    }
}
