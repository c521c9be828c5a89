using System.CommandLine;
using Envoi.Core.Green.Report;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Envoi.Cli;

/// <summary><c>envoi green report</c>: signature weights, real traffic, projections and the CO2 estimate, as a table, CSV or xlsx.</summary>
public static class GreenCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Traffic of the last N days (scaled to a month and a year).", DefaultValueFactory = _ => 30 };
        var format = new Option<string>("--format") { Description = "table, csv or xlsx.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "xlsx");
        var output = new Option<FileInfo?>("--out") { Description = "File to write (required for xlsx; csv defaults to standard output)." };
        var employees = new Option<bool>("--employees") { Description = "One row per signature and employee instead of per signature (table and csv)." };
        var report = new Command("report", "The Green IT report of the signatures.") { days, format, output, employees };
        report.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(days) is < 1 or > 3660) { Console.Error.WriteLine("envoi: --days must be between 1 and 3660."); return 2; }
            var file = parse.GetValue(output);
            if (parse.GetValue(format) == "xlsx" && file is null) { Console.Error.WriteLine("envoi: --format xlsx needs --out FILE."); return 2; }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var data = await services.GetRequiredService<GreenReportBuilder>().BuildAsync(parse.GetValue(days), ct);
            switch (parse.GetValue(format))
            {
                case "xlsx":
                    await using (var output = new FileStream(file!.FullName, FileMode.Create, FileAccess.Write))
                        await GreenReportExport.WriteXlsxAsync(data, output, ct);
                    Console.WriteLine($"Wrote {file.FullName}.");
                    break;
                case "csv":
                    var csv = GreenReportExport.Csv(data, parse.GetValue(employees));
                    if (file is null) Console.Write(csv);
                    else { await File.WriteAllTextAsync(file.FullName, csv, ct); Console.WriteLine($"Wrote {file.FullName}."); }
                    break;
                default:
                    WriteTable(data, parse.GetValue(employees));
                    break;
            }
            return 0;
        });
        return new Command("green", "Green IT: what signatures weigh and emit.") { report };
    }

    private static void WriteTable(GreenReport data, bool byEmployee)
    {
        AnsiConsole.WriteLine($"Traffic {data.From:yyyy-MM-dd} – {data.To:yyyy-MM-dd} ({data.Days} days), budget {data.BudgetBytes:N0} bytes.");
        var table = new Table();
        if (byEmployee)
        {
            table.AddColumns("Signature", "Employee", "HTML", "Text", "Embedded", "Hosted", "Messages", "Recipients", "Added", "Added/month", "gCO2e/month");
            foreach (var e in data.Employees)
                table.AddRow(Markup.Escape(e.Signature), Markup.Escape(e.Email), $"{e.HtmlBytes:N0}", $"{e.TextBytes:N0}", $"{e.EmbeddedImageBytes:N0}", $"{e.HostedImageBytes:N0}",
                    $"{e.Messages:N0}", $"{e.Recipients:N0}", $"{e.BytesAdded:N0}", $"{e.BytesAddedPerMonth:N0}", $"{e.Co2GramsPerMonth:N2}");
        }
        else
        {
            table.AddColumns("Signature", "HTML", "Text", "Embedded", "Hosted", "Messages", "Per message", "Added/month", "Added/year", "gCO2e/month", "gCO2e/year", "Saved/month", "gCO2e saved/month");
            foreach (var s in data.Signatures)
                table.AddRow(Markup.Escape(s.Signature) + (s.OverBudget ? " [red](over budget)[/]" : ""), $"{s.HtmlBytes:N0}", $"{s.TextBytes:N0}", $"{s.EmbeddedImageBytes:N0}", $"{s.HostedImageBytes:N0}",
                    $"{s.Messages:N0}", $"{s.BytesAddedPerMessage:N0}", $"{s.BytesAddedPerMonth:N0}", $"{s.BytesAddedPerYear:N0}", $"{s.Co2GramsPerMonth:N2}", $"{s.Co2GramsPerYear:N2}",
                    $"{s.SavedBytesPerMonth:N0}", $"{s.Co2SavedGramsPerMonth:N2}");
        }
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Total: {data.Co2GramsPerMonth:N2} gCO2e/month, {data.Co2GramsPerYear:N2} gCO2e/year, {data.Co2SavedGramsPerMonth:N2} gCO2e/month saved by optimized images.");
        AnsiConsole.WriteLine($"CO2 model: {data.Co2Model}.");
    }
}
