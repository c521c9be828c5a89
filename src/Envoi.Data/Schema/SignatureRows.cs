namespace Envoi.Data.Schema;

public sealed class SignatureTemplateRow
{
    public required string Name { get; set; }
    public required string Html { get; set; }
    public required string Text { get; set; }
    public required string Images { get; set; }
    public string? Description { get; set; }
    public long UpdatedAt { get; set; }
}

/// <summary>One rule; conditions and outcome as JSON because they are read and written whole.</summary>
public sealed class SignatureRuleRow
{
    public int Position { get; set; }
    public required string Json { get; set; }
}

/// <summary>A signature an employee may use; <see cref="Defaults"/> lists the contexts it is their default for.</summary>
public sealed class EmployeeSignatureRow
{
    public int EmployeeId { get; set; }
    public required string Signature { get; set; }
    public required string Defaults { get; set; }
}

public sealed class SignatureAssetRow
{
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public long UpdatedAt { get; set; }
    /// <summary>The image as uploaded, when <see cref="Content"/> is an optimized copy of it (Green IT).</summary>
    public byte[]? OriginalContent { get; set; }
    public string? OriginalContentType { get; set; }
}
