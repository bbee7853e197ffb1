namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>
/// A folder that fills up: a 4 MB tmpfs mounted on it where <c>mount</c> works (root on Linux), else a 4,096-block file
/// size limit (<c>ulimit -f</c>, SIGXFSZ ignored so that a write fails with EFBIG instead of killing the process) for the
/// child started through <see cref="ShellPrefix"/>. Set <c>DANVAN_TEST_DISK_LIMIT=ulimit</c> to force the second.
/// </summary>
internal sealed class LimitedDisk : IDisposable
{
    private readonly string? _mountPoint;

    private LimitedDisk(string kind, string? shellPrefix, string? mountPoint)
    {
        Kind = kind;
        ShellPrefix = shellPrefix;
        _mountPoint = mountPoint;
    }

    /// <summary>"tmpfs" or "file size limit".</summary>
    public string Kind { get; }

    /// <summary>The shell commands to run the child after, or null when the folder itself is small.</summary>
    public string? ShellPrefix { get; }

    /// <summary>Why neither limit can be set here, or null when one can.</summary>
    public static string? Unavailable =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()
            ? File.Exists("/bin/sh") ? null : "there is no /bin/sh to set a file size limit (ulimit -f) in"
            : "neither a tmpfs mount nor a shell file size limit (ulimit -f) exists on this OS";

    public static LimitedDisk Create(string folder)
    {
        Directory.CreateDirectory(folder);
        bool forceLimit = Environment.GetEnvironmentVariable("DANVAN_TEST_DISK_LIMIT") == "ulimit";
        if (!forceLimit && OperatingSystem.IsLinux() && DanvanCli.RunTool("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder) == 0)
        {
            return new LimitedDisk("tmpfs", null, folder);
        }

        return new LimitedDisk("file size limit", "trap '' XFSZ; ulimit -f 4096", null);
    }

    public void Dispose()
    {
        if (_mountPoint is not null)
        {
            DanvanCli.RunTool("umount", "-l", _mountPoint);
        }
    }
}

/// <summary>A fact that needs <see cref="LimitedDisk"/>; skipped, with the reason, only where neither limit can be set.</summary>
internal sealed class DiskLimitFactAttribute : FactAttribute
{
    public DiskLimitFactAttribute()
    {
        if (LimitedDisk.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
