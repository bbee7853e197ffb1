using Lucene.Net.Store;
using Lock = Lucene.Net.Store.Lock;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>
/// Index locks that only one holder can take, across processes: the lock file is opened with
/// <see cref="FileShare.None"/>, which .NET turns into an exclusive OS lock (an exclusive <c>flock</c> on Unix). The OS
/// drops the lock when its holder dies, so a crashed writer leaves nothing to clean up.
/// </summary>
/// <remarks>
/// Lucene.Net 4.8's <c>NativeFSLockFactory</c> takes only a shared lock on Linux, so two writing processes both got the
/// index and corrupted it. Setting <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns .NET's file locks off, and this
/// factory's with them.
/// </remarks>
internal sealed class ExclusiveFileLockFactory : LockFactory
{
    private readonly string _directory;

    public ExclusiveFileLockFactory(string directory)
    {
        _directory = directory;
    }

    /// <summary>The lock <paramref name="lockName"/> ("write.lock") in the index folder; no prefix, as the folder is the index's own.</summary>
    public override Lock MakeLock(string lockName) => new ExclusiveFileLock(Path.Combine(_directory, lockName));

    /// <summary>Nothing to clear: a lock lives as long as the open file of its holder.</summary>
    public override void ClearLock(string lockName)
    {
    }

    private sealed class ExclusiveFileLock : Lock
    {
        private readonly string _path;
        private FileStream? _held;

        public ExclusiveFileLock(string path)
        {
            _path = path;
        }

        public override bool Obtain()
        {
            if (_held is not null)
            {
                return false;
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            try
            {
                _held = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return true;
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                FailureReason = e;
                return false;
            }
        }

        public override bool IsLocked()
        {
            if (_held is not null)
            {
                return true;
            }

            try
            {
                using var probe = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return false;
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held?.Dispose();
                _held = null;
            }
        }

        public override string ToString() => $"{nameof(ExclusiveFileLock)}@{_path}";

        /// <summary>
        /// True when the open failed because another handle holds the lock: a sharing violation on Windows
        /// (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION), EWOULDBLOCK from <c>flock</c> on Unix (11 on Linux, 35 on
        /// macOS), which .NET reports as a plain <see cref="IOException"/> with the code as its HResult.
        /// </summary>
        private static bool IsHeldElsewhere(IOException e) =>
            e.GetType() == typeof(IOException)
            && e.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021) or 11 or 35;
    }
}
