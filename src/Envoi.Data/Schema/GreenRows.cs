namespace Envoi.Data.Schema;

/// <summary>Messages that got a signature on one day from one sender, their recipients and the bytes the signature added.</summary>
public sealed class SignatureTrafficRow
{
    public DateOnly Day { get; set; }
    public required string Signature { get; set; }
    public int EmployeeId { get; set; }
    public long Messages { get; set; }
    public long Recipients { get; set; }
    public long BytesAdded { get; set; }
}
