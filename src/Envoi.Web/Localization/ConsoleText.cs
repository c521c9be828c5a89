namespace Envoi.Web.Localization;

/// <summary>
/// The console's and portal's words: <c>ConsoleText.fr.resx</c> beside this file holds the French,
/// keyed by the English text (which is what an unknown key shows). A third language is one more
/// <c>ConsoleText.xx.resx</c> and its code in <see cref="ConsoleLanguages.Supported"/>.
/// </summary>
public sealed class ConsoleText;
