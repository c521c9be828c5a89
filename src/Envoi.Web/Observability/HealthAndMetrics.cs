using Envoi.Core.Observability;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Envoi.Web.Observability;

public static class HealthAndMetrics
{
    /// <summary>
    /// <c>/healthz</c>: the database answers and the disk has room. 200 "ok"; 200 "warning: disk space
    /// low…" below <c>Spool:WarnFreeMegabytes</c> (still accepting); 503 "refusing new mail…" below
    /// <c>Spool:MinFreeMegabytes</c>, so a load balancer sends new mail to another node. And <c>/metrics</c>
    /// (Prometheus text format).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthAndMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IQueueStore store, IStorageHealth storage, CancellationToken ct) =>
        {
            try
            {
                await store.ExistsAsync("0000000000000000", ct);
                var disk = storage.Check();
                return disk.State switch
                {
                    StorageState.Refusing => Results.Text($"{disk.Sentence}\n", statusCode: 503),
                    StorageState.Low => Results.Text($"warning: {disk.Sentence}\n"),
                    _ => Results.Text("ok\n"),
                };
            }
            catch (Exception e)
            {
                return Results.Text($"database unreachable: {e.GetType().Name}\n", statusCode: 503);
            }
        }).WithTags("Operations");

        app.MapGet("/metrics", async (HttpContext http, IQueueStore store, IStorageHealth storage, CancellationToken ct) =>
        {
            storage.Check(); // the disk gauges as of this scrape
            // Queue depth is read at scrape time so every node reports the shared queue as it is.
            foreach (var (status, count) in await store.CountByStatusAsync(ct))
                MailMetrics.QueueDepth.WithLabels(status.ToWire()).Set(count);
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(http.Response.Body, ct);
        }).WithTags("Operations");
        return app;
    }
}
