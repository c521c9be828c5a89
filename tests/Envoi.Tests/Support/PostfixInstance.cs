namespace Envoi.Tests.Support;

/// <summary>
/// A throwaway Postfix (its own config and queue directories, chroot off, loopback only) used as a
/// real MTA in front of Envoi. Needs root, as Postfix itself does to start.
/// </summary>
public sealed class PostfixInstance : IAsyncDisposable
{
    private readonly string _directory;

    private PostfixInstance(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Log => File.Exists(Path.Combine(_directory, "maillog")) ? File.ReadAllText(Path.Combine(_directory, "maillog")) : "";

    public static async Task<PostfixInstance> StartAsync(string relayHost)
    {
        if (!File.Exists("/usr/sbin/postfix")) throw new InvalidOperationException("Postfix is missing: apt-get install -y postfix (bash .ci/run does it).");
        if (Environment.UserName != "root") throw new InvalidOperationException("Starting a Postfix instance needs root.");
        var directory = TempDirectory.Create("postfix");
        var port = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(directory, "main.cf"), $"""
            compatibility_level = 3.6
            queue_directory = {directory}/queue
            data_directory = {directory}/data
            meta_directory = /etc/postfix
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = postfix.test
            myorigin = postfix.test
            mydestination =
            local_recipient_maps =
            alias_maps =
            alias_database =
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            smtpd_relay_restrictions = permit_mynetworks, reject
            relayhost = {relayHost}
            smtp_tls_security_level = none
            smtpd_tls_security_level = none
            maillog_file_prefixes = {directory}
            maillog_file = {directory}/maillog
            syslog_name = postfix-envoi-test
            """);
        // Debian's master.cf with chroot off (the scratch queue has no chroot jail) and smtpd on our port.
        var master = (await File.ReadAllLinesAsync("/etc/postfix/master.cf")).Select(line =>
        {
            var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith('#') || line.StartsWith(' ') || fields.Length < 8) return line;
            if (fields[0] == "smtp" && fields[1] == "inet") fields[0] = $"127.0.0.1:{port}";
            else if (fields[1] == "inet") return "#" + line; // submission etc.: not wanted here
            fields[4] = "n";
            return string.Join(' ', fields);
        });
        await File.WriteAllLinesAsync(Path.Combine(directory, "master.cf"), master);
        Directory.CreateDirectory(Path.Combine(directory, "queue")); // "postfix check" creates the rest with the right owners
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        await Processes.RunAsync("chown", "postfix", Path.Combine(directory, "data")); // master.lock and caches are written as postfix
        var instance = new PostfixInstance(directory, port);
        try
        {
            await Processes.RunAsync("postfix", "-c", directory, "check");
            await Processes.RunAsync("postfix", "-c", directory, "start");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message}\n{instance.Log}", e);
        }
        if (await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10))) return instance;
        throw new InvalidOperationException($"Postfix did not start: {instance.Log}");
    }

    /// <summary>Asks Postfix to try its deferred mail now instead of at its next queue run.</summary>
    public Task FlushAsync() => Processes.RunAsync("postqueue", "-c", _directory, "-f");

    public async ValueTask DisposeAsync()
    {
        try { await Processes.RunAsync("postfix", "-c", _directory, "stop"); } catch (InvalidOperationException) { }
        TempDirectory.Delete(_directory);
    }
}
