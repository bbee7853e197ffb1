namespace DanVan.Analytics.Articles;

/// <summary>
/// Tells whether two paths name the same file after symbolic links are resolved (in the file and in every folder
/// above it), so that a command can refuse to write over one of its own inputs.
/// </summary>
public static class FileIdentity
{
    private const int MaxLinks = 40; // as Linux's own limit on links followed in one lookup (ELOOP)

    /// <summary>The absolute path of <paramref name="path"/> with every symbolic link in it resolved; the path need not exist.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Resolve(Path.GetFullPath(path), MaxLinks);
    }

    /// <summary>Whether <paramref name="first"/> and <paramref name="second"/> are the same file.</summary>
    public static bool AreSame(string first, string second) =>
        string.Equals(Resolve(first), Resolve(second), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies inside it.</summary>
    public static bool IsInside(string path, string directory)
    {
        string resolved = Resolve(path);
        string folder = Resolve(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        StringComparison comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return (resolved + Path.DirectorySeparatorChar).StartsWith(folder, comparison);
    }

    private static string Resolve(string fullPath, int linksLeft)
    {
        string? parent = Path.GetDirectoryName(fullPath);
        if (parent is null)
        {
            return fullPath; // the root
        }

        string candidate = Path.Combine(Resolve(parent, linksLeft), Path.GetFileName(fullPath));
        FileSystemInfo info = new FileInfo(candidate);
        string? target = info.LinkTarget;
        if (target is null || linksLeft == 0)
        {
            return candidate;
        }

        // A relative link target is relative to the link's folder.
        string absolute = Path.GetFullPath(target, Path.GetDirectoryName(candidate)!);
        return Resolve(absolute, linksLeft - 1);
    }
}
