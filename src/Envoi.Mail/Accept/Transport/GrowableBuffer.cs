using System.Buffers;

namespace Envoi.Mail.Accept.Transport;

/// <summary>
/// One contiguous byte array behind a stable <see cref="MemoryManager{T}"/> identity. The SMTP
/// engine keeps sequence positions across reads while it searches for a line end or the end of
/// DATA; positions name this manager and an offset, so they stay valid when the array is swapped
/// for a bigger one (offsets are preserved on growth).
/// </summary>
internal sealed class GrowableBuffer : MemoryManager<byte>
{
    private byte[] _array;

    public GrowableBuffer(int initialSize) => _array = ArrayPool<byte>.Shared.Rent(initialSize);

    public int Capacity => _array.Length;

    public byte[] Array => _array;

    /// <summary>Ensures room for <paramref name="needed"/> bytes in total, keeping bytes [0, <paramref name="used"/>) at their offsets.</summary>
    public void EnsureCapacity(int needed, int used)
    {
        if (needed <= _array.Length) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(_array.Length * 2)));
        if (_array.Length == 0)
        {
            _array = bigger;
            return;
        }
        _array.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }

    /// <summary>
    /// Gives the array back while nothing is buffered, so an idle connection holds no buffer at all
    /// (a thousand idle sessions then cost sockets, not 16 KB each); <see cref="EnsureCapacity"/> rents again.
    /// </summary>
    public void Release()
    {
        var array = _array;
        _array = [];
        if (array.Length > 0) ArrayPool<byte>.Shared.Return(array);
    }

    /// <summary>Gives a large array back once a big message has been handled and only a little data remains.</summary>
    public void ShrinkTo(int size, int used)
    {
        if (_array.Length <= size * 4 || used > size) return;
        var smaller = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, used).CopyTo(smaller);
        ArrayPool<byte>.Shared.Return(_array);
        _array = smaller;
    }

    public override Span<byte> GetSpan() => _array;

    public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException("The SMTP buffer is never pinned.");

    public override void Unpin() { }

    protected override void Dispose(bool disposing)
    {
        var array = Interlocked.Exchange(ref _array, []);
        if (array.Length > 0) ArrayPool<byte>.Shared.Return(array);
    }
}
