namespace Envoi.Data.Schema;

/// <summary>A secret all nodes share (<c>link-signing</c>, <c>tracking/1</c>…), written once and never updated.</summary>
public sealed class SharedSecretRow
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }
    public long CreatedAt { get; set; }
}
