namespace Envoi.Core.Signatures.Templates;

/// <summary>The two forms of a signature: HTML (values HTML-encoded) and plain text (values as they are).</summary>
public enum TemplateForm
{
    Html,
    Text,
}
