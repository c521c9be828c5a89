using CsvHelper;
using CsvHelper.Configuration;

namespace Envoi.Core.Csv;

/// <summary>
/// CSV injection (OWASP): a spreadsheet runs a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR as a formula, and an employee can plant <c>=HYPERLINK(…)</c> in their own
/// directory values. Envoi's CSV exports prefix such cells with <c>'</c> (CsvHelper's
/// <see cref="InjectionOptions.Escape"/>), which spreadsheets read as "this is text"; the
/// directory import takes the prefix off again, so an export imports back unchanged
/// (a phone number "+33 …" stays "+33 …").
/// </summary>
public static class CsvFormulaGuard
{
    private static readonly char[] FormulaStarts = ['=', '@', '+', '-', '\t', '\r'];

    /// <summary>A writer configuration with the escape on, for every CSV Envoi exports.</summary>
    public static CsvConfiguration Configuration() =>
        new(System.Globalization.CultureInfo.InvariantCulture)
        {
            InjectionOptions = InjectionOptions.Escape,
            InjectionCharacters = FormulaStarts,
            InjectionEscapeCharacter = '\'',
        };

    /// <summary>An imported cell without the prefix an export added.</summary>
    public static string Restore(string cell) =>
        cell.Length >= 2 && cell[0] == '\'' && Array.IndexOf(FormulaStarts, cell[1]) >= 0 ? cell[1..] : cell;
}
