using Envoi.Core.Directory;

namespace Envoi.Core.Signatures.Model;

/// <summary>The author as signatures see them: the directory row and the effective attribute values.</summary>
public sealed record SignatureSender(Employee Employee, IReadOnlyDictionary<string, string> Values);
