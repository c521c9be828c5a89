using System.Collections.Concurrent;
using System.Net;

namespace Envoi.Mail.Accept;

/// <summary>
/// Slows password guessing: after <see cref="SmtpOptions.MaxFailedLogins"/> failed AUTH attempts
/// from one address within the window, that address may not try again until the window has
/// passed (Postfix's anvil plays this part). Successful logins do not count.
/// </summary>
public sealed class AuthThrottle(SmtpOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<IPAddress, Queue<DateTimeOffset>> _failures = new();

    public bool IsBlocked(IPAddress client)
    {
        if (!_failures.TryGetValue(client, out var failures)) return false;
        lock (failures)
        {
            Forget(failures);
            return failures.Count >= options.MaxFailedLogins;
        }
    }

    public void RecordFailure(IPAddress client)
    {
        var failures = _failures.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Forget(failures);
            failures.Enqueue(clock.GetUtcNow());
        }
        if (_failures.Count > 100_000) _failures.Clear(); // a flood of addresses must not exhaust memory
    }

    private void Forget(Queue<DateTimeOffset> failures)
    {
        var since = clock.GetUtcNow() - options.FailedLoginWindow;
        while (failures.Count > 0 && failures.Peek() < since) failures.Dequeue();
    }
}
