using System.Collections.Concurrent;

namespace Envoi.Web.Console;

/// <summary>
/// Slows password guessing in the console: after 5 failures within 15 minutes an account is locked
/// for the rest of that window, and so is the client address that failed 20 times (spraying many
/// accounts). Successful logins clear the account's count. Kept in memory: a restart forgets, which
/// is acceptable for a throttle.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int AccountLimit = 5;
    public const int AddressLimit = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string account, string address) =>
        Count("account:" + account) >= AccountLimit || Count("address:" + address) >= AddressLimit;

    public void Failed(string account, string address)
    {
        if (_failures.Count > 100_000) _failures.Clear(); // a flood of names must not exhaust memory
        Add("account:" + account);
        Add("address:" + address);
    }

    public void Succeeded(string account) => _failures.TryRemove("account:" + account, out _);

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var times)) return 0;
        lock (times)
        {
            times.RemoveAll(t => t < clock.GetUtcNow() - Window);
            return times.Count;
        }
    }

    private void Add(string key)
    {
        var times = _failures.GetOrAdd(key, _ => []);
        lock (times) times.Add(clock.GetUtcNow());
    }
}
