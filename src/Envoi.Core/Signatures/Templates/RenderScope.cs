using Fluid;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// What the helpers of one rendering need besides their arguments: the form being rendered, the
/// sender, and which social icons exist among the assets. Kept in Fluid's ambient values so the
/// filters can be registered once for every rendering.
/// </summary>
public sealed class RenderScope(TemplateForm form, SignatureModel model, IReadOnlySet<string> socialIcons)
{
    private const string Key = "envoi.signature";

    public TemplateForm Form { get; } = form;
    public SignatureModel Model { get; } = model;
    public HelperLabels Labels { get; } = HelperLabels.For(model.Language);

    /// <summary>Networks (e.g. "linkedin") with a <c>social-linkedin.png</c> asset.</summary>
    public IReadOnlySet<string> SocialIcons { get; } = socialIcons;

    public string AssetUrl(string name) =>
        $"{Model.BaseUrl}/assets/{string.Join('/', name.TrimStart('/').Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>Teams' chat deep link for the sender.</summary>
    public string TeamsUrl => $"https://teams.microsoft.com/l/chat/0/0?users={Uri.EscapeDataString(Model.Email)}";

    public void AttachTo(TemplateContext context) => context.AmbientValues[Key] = this;

    public static RenderScope Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(Key, out var scope) && scope is RenderScope found
            ? found
            : throw new InvalidOperationException("Signature helpers need a RenderScope; render through SignatureRenderer.");
}
