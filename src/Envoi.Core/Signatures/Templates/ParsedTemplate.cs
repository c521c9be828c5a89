using Fluid;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// One Liquid source parsed once: the Fluid template, and the names it uses, so the renderer
/// computes only the helpers a template asks for and the validator can name unknown ones.
/// </summary>
public sealed record ParsedTemplate(IFluidTemplate Fluid, TemplateNames Names);
