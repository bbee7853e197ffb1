namespace DanVan.Analytics.Crawling.Tests.Fixtures;

/// <summary>A test class with the fixture news site on a fresh local server and a fresh temp directory per test.</summary>
public abstract class NewsSiteTestBase : IAsyncLifetime, IDisposable
{
    private LocalServer? _server;

    internal NewsSiteTestBase(NewsSite site)
    {
        Site = site;
    }

    internal TempDirectory Dir { get; } = new();

    internal NewsSite Site { get; }

    internal LocalServer Server => _server ?? throw new InvalidOperationException("the server is not started");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await LocalServer.StartAsync();
        Site.Serve(_server);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
