using System.Security.Cryptography;

namespace Envoi.Core.Tracking;

/// <summary>
/// The HMAC keys behind tracked links, numbered 1…255. The newest key signs; every key still stored
/// verifies, so rotating the key never breaks links already mailed out. Deleting an old key retires
/// its links.
/// <para>
/// Servers keep the keys in the database (<see cref="ISharedSecrets"/>, names <c>tracking/1</c>,
/// <c>tracking/2</c>…), so a link mailed through one node is redirected and counted by every node;
/// key files in <c>DATA/tracking-keys/</c> left by an older version are imported at start-up. A
/// token signed with a key this node has not loaded yet (another node rotated) makes it reload the
/// keys, at most once every few seconds. Without shared storage (tools, tests) the files are the keys.
/// </para>
/// </summary>
public sealed class TrackingKeyRing
{
    private const string Prefix = "tracking/";
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(5);

    private readonly string _directory;
    private readonly ISharedSecrets? _shared;
    private readonly Lock _reload = new();
    private volatile Dictionary<byte, byte[]> _keys = [];
    private long _lastReload;

    public TrackingKeyRing(string dataDirectory, ISharedSecrets? shared = null)
    {
        _directory = Path.Combine(dataDirectory, "tracking-keys");
        _shared = shared;
        if (shared is null) System.IO.Directory.CreateDirectory(_directory);
        else
            foreach (var (id, key) in ReadFiles())
                shared.GetOrAdd(Prefix + id, key);
        Load();
        if (_keys.Count == 0) Rotate();
    }

    public byte CurrentId { get; private set; }

    public byte[] Current => _keys[CurrentId];

    /// <summary>The key with this id, or null; an id not loaded yet is looked up again in shared storage (rate-limited).</summary>
    public byte[]? Find(byte id)
    {
        if (_keys.TryGetValue(id, out var key)) return key; // every click: no interface dispatch
        if (_shared is null || id == 0) return null;
        lock (_reload)
        {
            var now = Environment.TickCount64;
            if (now - _lastReload < ReloadInterval.TotalMilliseconds) return null;
            _lastReload = now;
            // A token naming an unknown key is most often garbage: if the storage cannot answer now,
            // it stays unknown (a 404), and the next reload tries again.
            try { Load(); }
            catch (Exception e) when (e is not OutOfMemoryException) { return null; }
        }
        return _keys.GetValueOrDefault(id);
    }

    /// <summary>Creates the next key and signs with it from now on; returns its id.</summary>
    public byte Rotate()
    {
        var next = (byte)(_keys.Count == 0 ? 1 : _keys.Keys.Max() + 1);
        if (next == 0) throw new InvalidOperationException("255 tracking keys exist: delete retired ones first.");
        var key = RandomNumberGenerator.GetBytes(32);
        if (_shared is not null)
            _shared.GetOrAdd(Prefix + next, key); // a node that rotated at the same moment may win: then both sign with its key
        else
        {
            var path = Path.Combine(_directory, $"{next}.key");
            File.WriteAllBytes(path, key);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Load();
        return next;
    }

    private void Load()
    {
        var keys = new Dictionary<byte, byte[]>();
        if (_shared is null)
            foreach (var (id, key) in ReadFiles()) keys[id] = key;
        else
            foreach (var (name, key) in _shared.List(Prefix))
                if (byte.TryParse(name.AsSpan(Prefix.Length), out var id) && id > 0)
                    keys[id] = key;
        // Keys only ever grow, so a reader between the two assignments finds the old id in the new set.
        _keys = keys;
        CurrentId = keys.Count == 0 ? (byte)0 : keys.Keys.Max();
    }

    private IEnumerable<(byte Id, byte[] Key)> ReadFiles()
    {
        if (!System.IO.Directory.Exists(_directory)) yield break;
        foreach (var file in System.IO.Directory.EnumerateFiles(_directory, "*.key"))
            if (byte.TryParse(Path.GetFileNameWithoutExtension(file), out var id) && id > 0)
                yield return (id, File.ReadAllBytes(file));
    }
}
