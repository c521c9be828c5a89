namespace Envoi.Web.Addin;

/// <summary>Configuration section <c>Addin</c>: how the Outlook add-in served at <c>/addin/manifest.xml</c> behaves.</summary>
public sealed class AddinOptions
{
    /// <summary>
    /// Whether the add-in inserts the chosen signature into a new draft in Outlook (OnNewMessageCompose,
    /// <c>setSignatureAsync</c>), so the sender sees it and Outlook's Sent Items keep it. Off: the
    /// gateway adds it when the message leaves, and the task pane only previews it.
    /// </summary>
    public bool InsertSignature { get; set; }

    /// <summary>The manifest's add-in id; empty: a GUID derived from the public base URL, stable for one deployment.</summary>
    public Guid? Id { get; set; }

    /// <summary>The add-in's name in Outlook.</summary>
    public string DisplayName { get; set; } = "Envoi";
}

/// <summary>The add-in's settings and where Envoi is reached (<c>Http:PublicBaseUrl</c>), for the manifest and the pages.</summary>
public sealed record AddinSite(AddinOptions Options, string? PublicBaseUrl)
{
    /// <summary>The public base URL without its trailing slash; without one, the address this request came to.</summary>
    public string BaseUrl(Microsoft.AspNetCore.Http.HttpRequest request) =>
        (string.IsNullOrWhiteSpace(PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : PublicBaseUrl).TrimEnd('/');
}
