using Envoi.Fuzz.Targets;

namespace Envoi.Fuzz;

/// <summary>Every fuzz target: the command line and the corpus replay test both enumerate this list.</summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyList<IFuzzTarget> All =
    [
        new DataScanTarget(),
        new InjectionTarget(),
        new DirectoryImportTarget(DirectoryImportTarget.Format.Csv),
        new DirectoryImportTarget(DirectoryImportTarget.Format.Json),
    ];

    public static IFuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
