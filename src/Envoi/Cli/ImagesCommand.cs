using System.CommandLine;
using Envoi.Core.Green.Images;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Envoi.Cli;

/// <summary><c>envoi images optimize</c>: re-optimizes the uploaded signature images from their originals, with a before/after table.</summary>
public static class ImagesCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would change." };
        var optimize = new Command("optimize", "Resize every signature image to the size templates show it ×2, recompress it and strip its metadata (originals are kept).") { dryRun };
        optimize.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var images = services.GetRequiredService<SignatureImages>();
            IReadOnlyList<ImageOptimization> results = [];
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("Optimizing images", maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                results = await images.OptimizeAllAsync(!parse.GetValue(dryRun), new Progress<string>(name => task.Description = name), ct);
            });
            var table = new Table().AddColumns("Image", "Before", "After", "Saved", "Pixels before", "Pixels after", "Note");
            foreach (var r in results)
                table.AddRow(Markup.Escape(r.Name), $"{r.BytesBefore:N0}", $"{r.BytesAfter:N0}", $"{r.SavedBytes:N0}",
                    r.WidthBefore == 0 ? "" : $"{r.WidthBefore}×{r.HeightBefore}", r.WidthAfter == 0 ? "" : $"{r.WidthAfter}×{r.HeightAfter}",
                    Markup.Escape(r.Problem ?? r.Note));
            AnsiConsole.Write(table);
            var (before, after) = (results.Sum(r => (long)r.BytesBefore), results.Sum(r => (long)r.BytesAfter));
            Console.WriteLine($"{results.Count} image(s): {before:N0} → {after:N0} bytes, {before - after:N0} saved{(parse.GetValue(dryRun) ? " (dry run: nothing changed)" : "")}.");
            return 0;
        });
        return new Command("images", "Signature images (Green IT).") { optimize };
    }
}
