namespace DanVan.Analytics.Parsing;

/// <summary>One line of a parse manifest: a page to parse.</summary>
/// <param name="Id">The caller's identifier of the page.</param>
/// <param name="Url">The address the page came from, if known.</param>
/// <param name="Path">The <c>.html</c> or <c>.html.gz</c> file, absolute or relative to the manifest's directory.</param>
public sealed record ManifestEntry(string? Id, string? Url, string? Path)
{
    /// <summary>The file of this entry, resolved against <paramref name="manifestDirectory"/> when relative.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Path"/> is missing.</exception>
    public string ResolvePath(string manifestDirectory)
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new InvalidOperationException("The manifest entry has no path.");
        }

        return System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.GetFullPath(System.IO.Path.Combine(manifestDirectory, Path));
    }
}

/// <summary>
/// A page that could not be parsed: one line of the error stream, in the shape of every bad-line report
/// (<c>{"file", "line", "reason"}</c>) plus the page's id and the kind of failure.
/// </summary>
/// <param name="File">The manifest's path as given.</param>
/// <param name="Line">The manifest line number (1-based).</param>
/// <param name="Id">The page's identifier.</param>
/// <param name="Kind">The kind of failure ("Empty", "NotHtml", "Unreadable", "FileNotFound", "OutputIsInput", "OutsideManifestFolder").</param>
/// <param name="Reason">An explanation for people.</param>
public sealed record ArticleFailure(string File, int Line, string? Id, string Kind, string Reason);
