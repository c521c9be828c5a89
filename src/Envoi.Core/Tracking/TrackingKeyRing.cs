using System.Security.Cryptography;

namespace Envoi.Core.Tracking;

/// <summary>
/// The HMAC keys behind tracked links, one file per key in <c>DATA/tracking-keys/</c> (<c>1.key</c>,
/// <c>2.key</c>…). The newest key signs; every key still on disk verifies, so rotating the key never
/// breaks links already mailed out. Deleting an old key file retires its links.
/// </summary>
public sealed class TrackingKeyRing
{
    private readonly string _directory;
    private volatile Dictionary<byte, byte[]> _keys = [];

    public TrackingKeyRing(string dataDirectory)
    {
        _directory = Path.Combine(dataDirectory, "tracking-keys");
        System.IO.Directory.CreateDirectory(_directory);
        Load();
        if (_keys.Count == 0) Rotate();
    }

    public byte CurrentId { get; private set; }

    public byte[] Current => _keys[CurrentId];

    public byte[]? Find(byte id) => _keys.GetValueOrDefault(id);

    /// <summary>Creates the next key and signs with it from now on; returns its id.</summary>
    public byte Rotate()
    {
        var next = (byte)(_keys.Count == 0 ? 1 : _keys.Keys.Max() + 1);
        if (next == 0) throw new InvalidOperationException("255 tracking keys exist: delete retired ones in tracking-keys/ first.");
        var path = Path.Combine(_directory, $"{next}.key");
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(32));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Load();
        return next;
    }

    private void Load()
    {
        var keys = new Dictionary<byte, byte[]>();
        foreach (var file in System.IO.Directory.EnumerateFiles(_directory, "*.key"))
            if (byte.TryParse(Path.GetFileNameWithoutExtension(file), out var id) && id > 0)
                keys[id] = File.ReadAllBytes(file);
        _keys = keys;
        CurrentId = keys.Count == 0 ? (byte)0 : keys.Keys.Max();
    }
}
