namespace Envoi.Web.Auth;

/// <summary>
/// The console's sign-in cookie scheme. It lives with authentication, not with the console's
/// setup, because the language provider and the pages both ask it who is signed in.
/// </summary>
public static class ConsoleCookie
{
    public const string Scheme = "EnvoiCookie";
}
