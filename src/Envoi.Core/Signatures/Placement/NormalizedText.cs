using System.Buffers;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Text normalized as it is appended (see <see cref="SignatureText"/>: whitespace runs become one
/// space, none at either end), in a buffer from the pool: return it with <see cref="Dispose"/>.
/// </summary>
internal struct NormalizedText(int capacity)
{
    private char[] _buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
    private int _length;
    private bool _space;

    public readonly ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    public readonly int Length => _length;

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (SignatureText.IsSpace(c)) { _space = _length > 0; continue; }
            if (_length + 2 > _buffer.Length) Grow();
            if (_space) _buffer[_length++] = ' ';
            _space = false;
            _buffer[_length++] = c;
        }
    }

    public void Clear()
    {
        _length = 0;
        _space = false;
    }

    public override readonly string ToString() => new(Text);

    public readonly void Dispose() => ArrayPool<char>.Shared.Return(_buffer);

    private void Grow()
    {
        var bigger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
        Text.CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
