using System.Buffers;

namespace DanVan.Analytics.Extraction;

/// <summary>A growable buffer rented from the shared pool (tokens, words); <see cref="Dispose"/> returns it.</summary>
/// <remarks>A mutable struct: pass it by <c>ref</c>.</remarks>
internal struct PooledBuffer<T> : IDisposable
    where T : struct
{
    private T[] _items;

    public PooledBuffer(int capacity)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            T[] larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items);
            _items = larger;
        }

        _items[Count++] = item;
    }

    public readonly T[] ToArray() => Span.ToArray();

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
            _items = [];
        }
    }
}
