using System.CommandLine;
using Envoi.Core.Tracking.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi stats export</c>: the rows of <c>/api/stats</c>, as xlsx (one sheet per view) or CSV.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Signature and campaign statistics.");
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Export()
    {
        var format = new Option<string>("--format") { Description = "xlsx or csv.", DefaultValueFactory = _ => "xlsx" };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (default: 30 days before --to)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (default: today, UTC)." };
        var period = new Option<string?>("--period") { Description = "today, 7d or 30d instead of --from/--to." };
        var by = new Option<string>("--by") { Description = "day, employee, signature, campaign, link; several separated by commas give one sheet each.", DefaultValueFactory = _ => "day" };
        var query = new Option<string?>("--q") { Description = "Only rows whose name contains this." };
        var output = new Option<FileInfo>("--out") { Description = "File to write.", Required = true };
        var command = new Command("export", "Write statistics to a spreadsheet or CSV file.") { format, from, to, period, by, query, output };
        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant() switch { "csv" => ExportFormat.Csv, "xlsx" => ExportFormat.Xlsx, _ => (ExportFormat?)null };
            if (kind is null) { Console.Error.WriteLine("envoi: --format must be xlsx or csv."); return 2; }
            var (dimensions, byProblem) = StatsDimensions.ParseList(parse.GetValue(by));
            if (dimensions is null) { Console.Error.WriteLine($"envoi: {byProblem}."); return 2; }
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var stats = services.GetRequiredService<StatisticsService>();
            var (range, problem) = StatsPeriod.Parse(parse.GetValue(period), parse.GetValue(from), parse.GetValue(to), stats.Today);
            if (range is null) { Console.Error.WriteLine($"envoi: {problem}."); return 2; }
            // Streamed: each view's rows go from the database to the file one by one.
            var counted = dimensions.ToDictionary(d => d, _ => 0L);
            var sheets = dimensions.Select(d => new StatsSheet(d, stats.RowsAsync(d, range, parse.GetValue(query), ct).Select(r => { counted[d]++; return r; }))).ToList();
            var file = parse.GetValue(output)!;
            await using (var stream = File.Create(file.FullName))
                await StatsExport.WriteAsync(stream, kind.Value, sheets, ct);
            Console.WriteLine($"{file.FullName}: {string.Join(", ", dimensions.Select(d => $"{d.ToWire()} {counted[d]} rows"))} ({range.From:yyyy-MM-dd} – {range.To:yyyy-MM-dd}).");
            return 0;
        });
        return command;
    }
}
