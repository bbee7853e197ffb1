using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Crawling.Tests.Fixtures;

/// <summary>One request as the server saw it, with the server's own arrival time.</summary>
internal sealed record LoggedRequest(string PathAndQuery, DateTimeOffset Arrived, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a random port) for fetcher and crawler tests. Routes are exact
/// path-and-query matches first, then path matches; everything else is a 404. Every request is logged with its
/// arrival time, so tests can check what was fetched and how far apart.
/// </summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoggedRequest> _log = new();

    private LocalServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The server's root URL (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Requests => _log.ToArray();

    /// <summary>Starts a server.</summary>
    public static async Task<LocalServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AllowSynchronousIO = false);
        var app = builder.Build();
        var server = new LocalServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The absolute URL of a path on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>Serves <paramref name="pathAndQuery"/> with <paramref name="handler"/>.</summary>
    public void Map(string pathAndQuery, RequestDelegate handler) => _routes[pathAndQuery] = handler;

    /// <summary>Serves a fixed text body.</summary>
    public void MapText(string pathAndQuery, string body, string contentType = "text/html; charset=utf-8", int status = 200) =>
        Map(pathAndQuery, async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    /// <summary>Serves a redirect.</summary>
    public void MapRedirect(string pathAndQuery, string location, int status = 301) =>
        Map(pathAndQuery, context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });

    /// <summary>The requests for one path and query.</summary>
    public IReadOnlyList<LoggedRequest> RequestsFor(string pathAndQuery) =>
        Requests.Where(r => r.PathAndQuery == pathAndQuery).ToList();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        string pathAndQuery = path + context.Request.QueryString.Value;
        _log.Enqueue(new LoggedRequest(
            pathAndQuery,
            DateTimeOffset.UtcNow,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (_routes.TryGetValue(pathAndQuery, out var handler) || _routes.TryGetValue(path, out handler))
        {
            await handler(context);
            return;
        }

        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("not found");
    }
}
