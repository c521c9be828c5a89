using Fluid;
using Fluid.Ast;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// The names a template uses, read from Fluid's syntax tree: the variables it reads (the first
/// segment of <c>a.b[c]</c>), the names it defines itself (assign, capture, for and tablerow
/// loops, increment counters) and the filters it calls. Case-insensitive, like Liquid's variables.
/// </summary>
public sealed class TemplateNames
{
    public HashSet<string> Read { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Defined { get; } = new(StringComparer.OrdinalIgnoreCase) { "forloop", "tablerowloop" };
    public HashSet<string> Filters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Uses(string variable) => Read.Contains(variable);

    /// <summary>
    /// Names read but neither defined by the template nor in <paramref name="known"/>. Scope is
    /// not tracked: a loop variable used outside its loop passes, which is harmless (it is empty).
    /// </summary>
    public IEnumerable<string> UnknownVariables(ISet<string> known) =>
        Read.Where(name => !Defined.Contains(name) && !known.Contains(name)).Order(StringComparer.Ordinal);

    public static TemplateNames Of(IFluidTemplate template)
    {
        var names = new TemplateNames();
        new Collector(names).VisitTemplate(template);
        return names;
    }

    private sealed class Collector(TemplateNames names) : AstVisitor
    {
        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment first)
                names.Read.Add(first.Identifier);
            return base.VisitMemberExpression(memberExpression);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            names.Filters.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            names.Defined.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            names.Defined.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            names.Defined.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
        {
            names.Defined.Add(tableRowStatement.Identifier);
            return base.VisitTableRowStatement(tableRowStatement);
        }

        protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
        {
            names.Defined.Add(incrementStatement.Identifier);
            return base.VisitIncrementStatement(incrementStatement);
        }

        protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
        {
            names.Defined.Add(decrementStatement.Identifier);
            return base.VisitDecrementStatement(decrementStatement);
        }
    }
}
