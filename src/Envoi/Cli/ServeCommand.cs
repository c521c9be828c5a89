using System.CommandLine;
using Envoi.Demo;
using Envoi.Hosting;
using Envoi.Mail.Accept;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var smtp = new Option<string?>("--smtp") { Description = "SMTP submission listener ADDR:PORT (default 127.0.0.1:2525)." };
        var smtps = new Option<string?>("--smtps") { Description = "Implicit-TLS SMTP listener ADDR:PORT (off by default)." };
        var http = new Option<string?>("--http") { Description = "HTTP listener ADDR:PORT (default 127.0.0.1:8025)." };
        var upstream = new Option<string?>("--upstream") { Description = "Smarthost smtp://host:port or smtps://host:port; none: capture mode." };
        var hold = new Option<int?>("--hold") { Description = "Organization default undo window in seconds (default 10)." };
        var demo = new Option<bool>("--demo") { Description = "Create a demo organization (users, API tokens) and print how to use it." };
        var command = new Command("serve", "Run the SMTP gateway, the release scheduler and the web API.") { smtp, smtps, http, upstream, hold, demo };
        command.SetAction(async (parse, ct) =>
        {
            var (settings, configuration) = SettingsLoader.Load(parse.GetValue(GlobalOptions.Data), parse.GetValue(GlobalOptions.Database));
            if (parse.GetValue(smtp) is { } s) settings.Smtp.Listen = s;
            if (parse.GetValue(smtps) is { } ss) settings.Smtp.ImplicitTlsListen = ss;
            if (parse.GetValue(http) is { } h) settings.Http.Listen = h;
            if (parse.GetValue(upstream) is { } u) settings.Upstream.Url = u;
            if (parse.GetValue(hold) is { } seconds)
            {
                if (seconds < 0) { Console.Error.WriteLine("--hold must be 0 or more seconds."); return 2; }
                settings.Hold.DefaultSeconds = seconds;
                settings.Hold.MaxSeconds = Math.Max(settings.Hold.MaxSeconds, seconds);
            }
            if (settings.Upstream.IsConfigured) settings.Upstream.Parse(); // fail now, with the reason, not at the first delivery

            await using var app = await EnvoiWebApp.CreateAsync(settings, configuration, ct);
            await app.StartAsync(ct);
            var listener = app.Services.GetRequiredService<SmtpListener>();
            Console.WriteLine($"Envoi is running: SMTP {string.Join(", ", listener.BoundEndpoints)}, HTTP {app.HttpAddress()}, " +
                              (settings.Upstream.IsConfigured ? $"relaying to {settings.Upstream.Parse()}" : $"capturing mail in {Path.Combine(Path.GetFullPath(settings.DataDirectory), "captured")}"));
            if (parse.GetValue(demo)) await DemoOrganization.CreateAsync(app.Services, listener.SubmissionEndpoint, app.HttpAddress(), ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
