using System.CommandLine;
using Envoi.Cli;

var root = new RootCommand("Envoi: email signature and send-safety gateway.")
{
    ServeCommand.Create(),
    UsersCommand.Create(),
    TokensCommand.Create(),
    ChecksCommand.Create(),
    OutboxCommand.Create(),
    CapturedCommand.Create(),
    DirectoryCommand.Create(),
    ScimCommand.Create(),
    SignaturesCommand.Create(),
    RenderCommand.Create(),
    DkimCommand.Create(),
    InjectCommand.Create(),
    // Green IT
    ImagesCommand.Create(),
    GreenCommand.Create(),
    CampaignsCommand.Create(),
    StatsCommand.Create(),
    StorageCommand.Create(),
};
root.Options.Add(GlobalOptions.Data);
root.Options.Add(GlobalOptions.Database);

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (IsLocked(e)) // SQLITE_BUSY or SQLITE_LOCKED, bare or wrapped by EF (DbUpdateException)
{
    // Verbs already wait for the server's writes (busy timeout, 30 s); this is a lock held for longer.
    Console.Error.WriteLine("envoi: the database stayed locked by another process (envoi serve or another envoi command) for more than 30 seconds, "
        + "so the step that was waiting was not applied. Run the command again; if it keeps happening, look for a stuck envoi process or a backup tool holding the database file.");
    return 75; // EX_TEMPFAIL: try again later
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
{
    // Configuration mistakes (a bad --upstream, --database or listen address, a port in use) get one
    // sentence, not a stack trace.
    Console.Error.WriteLine($"envoi: {e.Message}");
    return 2;
}

static bool IsLocked(Exception? e) => e switch
{
    null => false,
    Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true,
    _ => IsLocked(e.InnerException),
};
