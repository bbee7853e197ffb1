namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>
/// Checks one redirect hop before it is followed (scope, robots.txt); the address check happens when connecting.
/// </summary>
/// <param name="target">The canonical URL the redirect leads to.</param>
/// <param name="cancellationToken">Cancels the check.</param>
/// <returns><see langword="null"/> to follow the redirect, or why it may not be followed.</returns>
public delegate ValueTask<string?> RedirectGuard(Uri target, CancellationToken cancellationToken);
