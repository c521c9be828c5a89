using Envoi.Core;
using Envoi.Core.Tracking;
using Envoi.Tests.Support;

namespace Envoi.Tests.Scale;

/// <summary>The link-signing and tracking keys live in the database: shared by every node, imported once from an older data directory.</summary>
public sealed class SharedSecretTests
{
    [Fact]
    public async Task Key_files_of_an_older_version_are_imported_and_a_second_node_on_the_same_database_signs_with_them()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var first = TempDirectory.Create("envoi-keys-a");
        var linkKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var trackingKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(first, "link-signing.key"), linkKey);
        Directory.CreateDirectory(Path.Combine(first, "tracking-keys"));
        await File.WriteAllBytesAsync(Path.Combine(first, "tracking-keys", "3.key"), trackingKey);

        await using var a = await EnvoiTestHost.StartAsync(s => s.Database = database, first);
        var signedByA = a.Get<LinkSigningKey>().Sign("vcard|7");
        Assert.Equal(3, a.Get<TrackingKeyRing>().CurrentId);
        Assert.Equal(trackingKey, a.Get<TrackingKeyRing>().Current);

        // A node with an empty data directory gets the same keys from the database, and writes no key file.
        await using var b = await EnvoiTestHost.StartAsync(s => s.Database = database);
        Assert.True(b.Get<LinkSigningKey>().Verify("vcard|7", signedByA));
        Assert.Equal(trackingKey, b.Get<TrackingKeyRing>().Find(3));
        Assert.False(File.Exists(Path.Combine(b.DataDirectory, "link-signing.key")));

        // A key rotated on node A is found by node B when a token names it.
        var rotated = a.Get<TrackingKeyRing>().Rotate();
        var token = a.Get<TrackingTokens>().Write(new TrackingToken(1, "MSG1", 7, "corporate", 0));
        Assert.NotNull(b.Get<TrackingKeyRing>().Find(rotated));
        Assert.NotNull(b.Get<TrackingTokens>().Read(token));
    }
}
