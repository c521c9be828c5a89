using Envoi.Core;
using MimeKit;

namespace Envoi.Core;

/// <summary>How messages are serialized for the spool and the wire: CRLF line endings whatever the OS.</summary>
public static class WireFormat
{
    public static readonly FormatOptions Options = CreateOptions();

    private static FormatOptions CreateOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
