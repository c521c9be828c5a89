using Xunit.Abstractions;

namespace Envoi.Tests.Architecture;

/// <summary>
/// Each capability of Envoi.Core depends only downwards: a folder never reaches, through others,
/// back to itself. Shared building blocks live in leaf folders (<c>Mime</c>, <c>Addresses</c>…).
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    /// <param name="depth">1: the capabilities (<c>Signatures</c>, <c>Green</c>…); 2: their subfolders too (<c>Signatures.Placement</c>, <c>Green.Images</c>…).</param>
    [Theory]
    [InlineData("Envoi.Core", 1)]
    [InlineData("Envoi.Core", 2)]
    [InlineData("Envoi.Mail", 1)]
    [InlineData("Envoi.Data", 1)]
    [InlineData("Envoi.Web", 1)]
    public void The_folders_of_a_project_form_no_cycle(string project, int depth)
    {
        var graph = FolderGraph.Of(Path.Combine(RepositoryRoot(), "src", project), project, depth);
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
