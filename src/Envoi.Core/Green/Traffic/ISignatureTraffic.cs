namespace Envoi.Core.Green.Traffic;

/// <summary>
/// What signatures really cost in traffic: per day, signature and sender, how many messages got one,
/// to how many recipients, and how many bytes it added. Written by the signature stage, read by the report.
/// </summary>
public interface ISignatureTraffic
{
    /// <summary>Adds messages to the days' counters (upserts: safe from several nodes at once).</summary>
    Task RecordAsync(IReadOnlyList<SignatureDelivery> deliveries, CancellationToken ct);

    /// <summary>Counters of the days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<IReadOnlyList<TrafficCount>> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct);
}

/// <param name="BytesAdded">HTML + text + embedded images of the signature as inserted in this message.</param>
public sealed record SignatureDelivery(DateOnly Day, string Signature, int EmployeeId, int Recipients, long BytesAdded);

public sealed record TrafficCount(DateOnly Day, string Signature, int EmployeeId, long Messages, long Recipients, long BytesAdded);
