using System.Net;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// The wrapper around every HTML signature Envoi inserts. It lets a later pass (a re-run, or the
/// next message in the thread) see that a signature is already there, and lets stylesheets and
/// the banner stage find it.
/// </summary>
internal static class SignatureMarker
{
    public const string ClassName = "envoi-signature";

    public static string Wrap(RenderedSignature signature) =>
        $"<div class=\"{ClassName}\" data-envoi-signature=\"{WebUtility.HtmlEncode(signature.Name)}\">{signature.Html}</div>";
}
