using System.CommandLine;
using Envoi.Cli;

var root = new RootCommand("Envoi: email signature and send-safety gateway.")
{
    ServeCommand.Create(),
    UsersCommand.Create(),
    TokensCommand.Create(),
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
catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
{
    // Configuration mistakes (a bad --upstream, --database or listen address, a port in use) get one
    // sentence, not a stack trace.
    Console.Error.WriteLine($"envoi: {e.Message}");
    return 2;
}
