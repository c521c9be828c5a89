namespace Envoi.Core.Tracking.Statistics;

/// <summary>What the rows of a statistics view are: days, or one of the detailed views.</summary>
public enum StatsDimension
{
    Day,
    Employee,
    Signature,
    Campaign,
    Link,
}

public static class StatsDimensions
{
    public static string ToWire(this StatsDimension dimension) => dimension.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out StatsDimension dimension)
    {
        dimension = StatsDimension.Day;
        if (string.IsNullOrWhiteSpace(text)) return true;
        return Enum.TryParse(text.Trim(), ignoreCase: true, out dimension) && Enum.IsDefined(dimension) && !int.TryParse(text, out _);
    }

    /// <summary>A comma-separated list (<c>day,employee</c>); duplicates removed, order kept.</summary>
    public static (IReadOnlyList<StatsDimension>? Dimensions, string? Problem) ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ([StatsDimension.Day], null);
        var list = new List<StatsDimension>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var dimension)) return (null, $"by '{(part.Length > 40 ? part[..40] + "…" : part)}' is not one of day, employee, signature, campaign, link");
            if (!list.Contains(dimension)) list.Add(dimension);
        }
        return list.Count == 0 ? ([StatsDimension.Day], null) : (list, null);
    }
}
