using System.Text;

namespace Envoi.Web.ApiDescription;

/// <summary>
/// A stable operation id from the method and route (<c>POST api/outbox/{id}/cancel</c> → <c>postApiOutboxIdCancel</c>),
/// so generated clients get names that follow the URL and never change behind the user's back.
/// </summary>
public static class OperationIds
{
    public static string From(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var word in route.Split(['/', '{', '}', '-', '.', '_'], StringSplitOptions.RemoveEmptyEntries))
            id.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        return id.ToString();
    }
}
