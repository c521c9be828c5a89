using System.Buffers;

namespace Envoi.Fuzz.Targets;

/// <summary>The same bytes as a chain of small segments, the way the SMTP engine's buffers arrive.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Of(byte[] bytes, int size)
    {
        if (bytes.Length <= size) return new ReadOnlySequence<byte>(bytes);
        var first = new Segments(bytes.AsMemory(0, size), 0);
        var last = first;
        for (var start = size; start < bytes.Length; start += size)
        {
            var next = new Segments(bytes.AsMemory(start, Math.Min(size, bytes.Length - start)), start);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
