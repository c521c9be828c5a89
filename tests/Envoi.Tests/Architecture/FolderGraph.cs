using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Envoi.Tests.Architecture;

/// <summary>
/// Which folders of a project use which, read from the source with the compiler's own binding
/// (Roslyn), so a type named like a property elsewhere is never mistaken for a dependency.
/// A folder is a namespace below the project's (folders and namespaces match in this repository).
/// </summary>
public sealed class FolderGraph
{
    private FolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> edges) => Edges = edges;

    /// <summary>Folder → folder it uses → the types it uses there.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Edges { get; }

    /// <param name="depth">1: top-level folders (<c>Signatures</c>); 2: one level deeper (<c>Signatures.Placement</c>).</param>
    public static FolderGraph Of(string projectDirectory, string rootNamespace, int depth)
    {
        var trees = System.IO.Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList();
        var compilation = CSharpCompilation.Create("graph", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var edges = new Dictionary<string, Dictionary<string, HashSet<string>>>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var declared = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
            if (FolderOf(declared, rootNamespace, depth) is not { } from) continue;
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                while (type?.ContainingType is { } outer) type = outer;
                if (FolderOf(type?.ContainingNamespace?.ToDisplayString(), rootNamespace, depth) is not { } to || to == from) continue;
                if (!edges.TryGetValue(from, out var targets)) edges[from] = targets = [];
                if (!targets.TryGetValue(to, out var types)) targets[to] = types = [];
                types.Add(type!.Name);
            }
        }
        return new FolderGraph(edges.ToDictionary(e => e.Key,
            e => (IReadOnlyDictionary<string, IReadOnlySet<string>>)e.Value.ToDictionary(t => t.Key, t => (IReadOnlySet<string>)t.Value)));
    }

    /// <summary>Groups of folders that reach each other (strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in Edges.GetValueOrDefault(v)?.Keys ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string top;
            do { top = stack.Pop(); component.Add(top); } while (top != v);
            if (component.Count > 1) cycles.Add(component.Order().ToList());
        }
        foreach (var v in Edges.Keys.Concat(Edges.Values.SelectMany(t => t.Keys)).Distinct().Order()) if (!index.ContainsKey(v)) Visit(v);
        return cycles;
    }

    public override string ToString() => string.Join("\n", Edges.OrderBy(e => e.Key).Select(e =>
        $"{e.Key} → {string.Join(", ", e.Value.OrderBy(t => t.Key).Select(t => $"{t.Key} ({string.Join(", ", t.Value.Order())})"))}"));

    private static string? FolderOf(string? ns, string rootNamespace, int depth)
    {
        if (ns is null || !ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)) return null;
        return string.Join('.', ns[(rootNamespace.Length + 1)..].Split('.').Take(depth));
    }

    private static IEnumerable<MetadataReference> References()
    {
        // The runtime and every library the test process has loaded beside it (MimeKit, AngleSharp, Fluid…), not Envoi's own.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = System.IO.Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(f => !Path.GetFileName(f).StartsWith("Envoi", StringComparison.OrdinalIgnoreCase));
        return platform.Concat(beside).DistinctBy(Path.GetFileName).Select(f => MetadataReference.CreateFromFile(f));
    }
}
