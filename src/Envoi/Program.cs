using System.CommandLine;
using Envoi.Cli;

var root = new RootCommand("Envoi: email signature and send-safety gateway.")
{
    ServeCommand.Create(),
    UsersCommand.Create(),
    TokensCommand.Create(),
    OutboxCommand.Create(),
    CapturedCommand.Create(),
};
root.Options.Add(GlobalOptions.Data);
root.Options.Add(GlobalOptions.Database);
return await root.Parse(args).InvokeAsync();
