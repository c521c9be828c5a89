namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// A template that cannot be rendered: a Liquid syntax error, an embedded image that is not among
/// the assets, a template that loops too long. The message is a sentence for the admin.
/// </summary>
public sealed class SignatureTemplateException(string message, Exception? inner = null) : Exception(message, inner);
