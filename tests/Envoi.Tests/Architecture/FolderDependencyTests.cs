using Xunit.Abstractions;

namespace Envoi.Tests.Architecture;

/// <summary>
/// Each capability of Envoi.Core depends only downwards: a folder never reaches, through others,
/// back to itself. Shared building blocks live in leaf folders (<c>Mime</c>, <c>Addresses</c>…).
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void The_folders_of_Envoi_Core_form_no_cycle()
    {
        var graph = FolderGraph.Of(Path.Combine(RepositoryRoot(), "src", "Envoi.Core"), "Envoi.Core", depth: 1);
        output.WriteLine(graph.ToString());
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, "Folders that reach each other: " + string.Join("; ", cycles.Select(c => string.Join(" ⇄ ", c))) + "\n" + graph);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Envoi.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Envoi.slnx not found above " + AppContext.BaseDirectory);
    }
}
